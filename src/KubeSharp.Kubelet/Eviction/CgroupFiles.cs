using System.Buffers.Text;
using System.Text;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// Numbers from cgroup files, parsed from bytes on the stack. The eviction housekeeping reads memory.stat and
/// memory.current of every pod every 10 s; reading them as strings (one per memory.stat line) was most of the node
/// process's garbage with 100 pods, and that garbage is what sizes its heap.
/// </summary>
internal static class CgroupFiles
{
    // memory.stat is about 1.5 KB (v2) / 1.2 KB (v1); a value file is one line.
    private const int MaxFileBytes = 8192;

    /// <summary>The value of "<paramref name="key"/> N" in a flat keyed file (memory.stat); null when absent or unreadable.</summary>
    public static long? ReadKeyed(string file, string key)
    {
        Span<byte> buffer = stackalloc byte[MaxFileBytes];
        var text = Read(file, buffer);
        if (text.IsEmpty) return null;
        Span<byte> prefix = stackalloc byte[Encoding.ASCII.GetByteCount(key) + 1];
        Encoding.ASCII.GetBytes(key, prefix);
        prefix[^1] = (byte)' ';
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            if (line.StartsWith(prefix)) return Utf8Parser.TryParse(line[prefix.Length..], out long v, out _) ? v : null;
            text = end < 0 ? [] : text[(end + 1)..];
        }
        return null;
    }

    /// <summary>A file holding one number (memory.current, memory.usage_in_bytes); null when unreadable or not a number ("max").</summary>
    public static long? ReadNumber(string file)
    {
        Span<byte> buffer = stackalloc byte[64];
        var text = Read(file, buffer).TrimEnd((byte)'\n');
        return !text.IsEmpty && Utf8Parser.TryParse(text, out long v, out var consumed) && consumed == text.Length ? v : null;
    }

    private static Span<byte> Read(string file, Span<byte> buffer)
    {
        try
        {
            using var handle = File.OpenHandle(file);
            var total = 0;
            // Kernel pseudo-files may answer in several reads; stop at end of file or a full buffer.
            while (total < buffer.Length)
            {
                var n = RandomAccess.Read(handle, buffer[total..], total);
                if (n == 0) break;
                total += n;
            }
            return buffer[..total];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone between listing and reading (a container exiting).
            return [];
        }
    }
}
