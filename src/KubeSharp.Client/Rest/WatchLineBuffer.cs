using System.Buffers;

namespace KubeSharp.Client.Rest;

/// <summary>
/// Splits a watch stream into newline-terminated lines of UTF-8 without decoding them to strings. The buffer comes
/// from the shared pool and grows (doubling) when one event is larger than it; lines are handed out as ranges of
/// <see cref="Buffer"/>, valid until the next <see cref="FillAsync"/>.
/// </summary>
internal sealed class WatchLineBuffer : IDisposable
{
    private int _start;
    private int _end;
    private int _scanned;

    public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(64 * 1024);

    /// <summary>The next complete line (without "\n" or "\r\n"), if the buffer holds one.</summary>
    public bool TryTakeLine(out int offset, out int length)
    {
        var newline = Buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
        if (newline < 0)
        {
            _scanned = _end;
            offset = length = 0;
            return false;
        }
        offset = _start;
        length = _scanned + newline - _start;
        if (length > 0 && Buffer[offset + length - 1] == (byte)'\r') length--;
        _start = _scanned = _scanned + newline + 1;
        return true;
    }

    /// <summary>What is left after the stream ended, as one line.</summary>
    public bool TryTakeRest(out int offset, out int length)
    {
        offset = _start;
        length = _end - _start;
        _start = _scanned = _end;
        return length > 0;
    }

    /// <summary>Reads more of the stream; false when it ended.</summary>
    public async ValueTask<bool> FillAsync(Stream stream, CancellationToken ct)
    {
        if (_start > 0)
        {
            // Move the unfinished line to the front so the buffer only grows for events larger than itself.
            Buffer.AsSpan(_start, _end - _start).CopyTo(Buffer);
            _end -= _start;
            _scanned -= _start;
            _start = 0;
        }
        if (_end == Buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Buffer.Length * 2);
            Buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = bigger;
        }
        var read = await stream.ReadAsync(Buffer.AsMemory(_end), ct);
        _end += read;
        return read > 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(Buffer);
        Buffer = [];
    }
}
