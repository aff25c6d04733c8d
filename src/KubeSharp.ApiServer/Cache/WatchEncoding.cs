using System.Text;

namespace KubeSharp.ApiServer.Cache;

/// <summary>Builds watch event lines by concatenating pre-serialized object bytes; no re-serialization per watcher.</summary>
public static class WatchEncoding
{
    private static readonly byte[] Added = "{\"type\":\"ADDED\",\"object\":"u8.ToArray();
    private static readonly byte[] Modified = "{\"type\":\"MODIFIED\",\"object\":"u8.ToArray();
    private static readonly byte[] Deleted = "{\"type\":\"DELETED\",\"object\":"u8.ToArray();
    private static readonly byte[] Bookmark = "{\"type\":\"BOOKMARK\",\"object\":"u8.ToArray();
    private static readonly byte[] Error = "{\"type\":\"ERROR\",\"object\":"u8.ToArray();
    private static readonly byte[] End = "}\n"u8.ToArray();

    public static byte[] Encode(CacheEventType type, ReadOnlySpan<byte> objectJson) => Encode(Prefix(type), objectJson);

    public static byte[] EncodeError(ReadOnlySpan<byte> statusJson) => Encode(Error, statusJson);

    public static string TypeName(CacheEventType type) => type switch
    {
        CacheEventType.Added => "ADDED",
        CacheEventType.Modified => "MODIFIED",
        CacheEventType.Deleted => "DELETED",
        _ => "BOOKMARK",
    };

    /// <summary>The object of a BOOKMARK event: only kind, apiVersion and metadata.resourceVersion, as upstream sends.</summary>
    public static byte[] BookmarkObject(string kind, string apiVersion, long resourceVersion) =>
        Encoding.UTF8.GetBytes($"{{\"kind\":\"{kind}\",\"apiVersion\":\"{apiVersion}\",\"metadata\":{{\"resourceVersion\":\"{resourceVersion}\"}}}}");

    private static byte[] Prefix(CacheEventType type) => type switch
    {
        CacheEventType.Added => Added,
        CacheEventType.Modified => Modified,
        CacheEventType.Deleted => Deleted,
        _ => Bookmark,
    };

    private static byte[] Encode(byte[] prefix, ReadOnlySpan<byte> objectJson)
    {
        var result = new byte[prefix.Length + objectJson.Length + End.Length];
        prefix.CopyTo(result, 0);
        objectJson.CopyTo(result.AsSpan(prefix.Length));
        End.CopyTo(result, prefix.Length + objectJson.Length);
        return result;
    }
}
