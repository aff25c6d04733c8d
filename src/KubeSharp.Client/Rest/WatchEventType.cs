namespace KubeSharp.Client.Rest;

/// <summary>The "type" of a watch event on the wire.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}
