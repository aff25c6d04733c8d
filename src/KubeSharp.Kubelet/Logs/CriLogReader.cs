using System.Text;

namespace KubeSharp.Kubelet.Logs;

/// <summary>
/// Turns a CRI log file into what `kubectl logs` prints: the content of each record (partial records joined),
/// optionally prefixed by its timestamp, filtered by since, limited to the last N lines and to N bytes, and in
/// follow mode kept open while the container runs.
/// </summary>
public sealed class CriLogReader(TimeProvider time)
{
    private static readonly TimeSpan FollowPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Writes the log at <paramref name="path"/> to <paramref name="output"/>. In follow mode, returns once
    /// <paramref name="stillRunning"/> says the container stopped and the file has been read to its end.
    /// </summary>
    public async Task CopyAsync(string path, LogOptions options, Stream output, Func<CancellationToken, Task<bool>> stillRunning, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        var budget = options.LimitBytes ?? long.MaxValue;
        var start = options.TailLines is { } tail ? await TailOffsetAsync(file, tail, ct) : 0;
        file.Position = start;
        var pending = new MemoryStream();
        var joined = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (budget > 0)
        {
            var n = await file.ReadAsync(buffer, ct);
            if (n == 0)
            {
                if (!options.Follow) break;
                if (!await stillRunning(ct))
                {
                    // One more read: the runtime may have written the last lines just before the container stopped.
                    n = await file.ReadAsync(buffer, ct);
                    if (n == 0) break;
                }
                else
                {
                    await output.FlushAsync(ct);
                    await Task.Delay(FollowPoll, time, ct);
                    continue;
                }
            }
            pending.Write(buffer, 0, n);
            budget = await EmitCompleteLinesAsync(pending, joined, options, output, budget, ct);
        }
        await output.FlushAsync(ct);
    }

    /// <summary>Emits every complete line in <paramref name="pending"/>, keeps the incomplete tail; returns the byte budget left.</summary>
    private static async Task<long> EmitCompleteLinesAsync(MemoryStream pending, MemoryStream joined, LogOptions options, Stream output, long budget, CancellationToken ct)
    {
        var data = pending.GetBuffer().AsMemory(0, (int)pending.Length);
        var consumed = 0;
        while (budget > 0)
        {
            var nl = data.Span[consumed..].IndexOf((byte)'\n');
            if (nl < 0) break;
            var line = CriLogLine.Parse(data.Span.Slice(consumed, nl));
            consumed += nl + 1;
            if (line is not { } l) continue;
            joined.Write(l.Content);
            if (l.Partial) continue;
            if (options.Since is { } since && l.Time < since)
            {
                joined.SetLength(0);
                continue;
            }
            var text = new MemoryStream();
            if (options.Timestamps) text.Write(Encoding.ASCII.GetBytes(l.RawTime + " "));
            text.Write(joined.GetBuffer().AsSpan(0, (int)joined.Length));
            text.WriteByte((byte)'\n');
            joined.SetLength(0);
            var bytes = text.GetBuffer().AsMemory(0, (int)Math.Min(text.Length, budget));
            await output.WriteAsync(bytes, ct);
            budget -= bytes.Length;
        }
        var rest = data[consumed..].ToArray();
        pending.SetLength(0);
        pending.Write(rest);
        return budget;
    }

    /// <summary>
    /// The file offset where the last <paramref name="lines"/> log lines begin. One forward pass remembers where each
    /// line starts (a line is a run of partial records closed by a full one); kubelets rotate logs at a few MiB, so
    /// the pass stays cheap and, unlike a backwards scan, never splits a record.
    /// </summary>
    private static async Task<long> TailOffsetAsync(FileStream file, long lines, CancellationToken ct)
    {
        if (lines <= 0) return file.Length;
        var starts = new Queue<long>();
        var buffer = new byte[64 * 1024];
        long offset = 0;
        long lineStart = 0;
        var record = new MemoryStream();
        file.Position = 0;
        int n;
        while ((n = await file.ReadAsync(buffer, ct)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    record.WriteByte(buffer[i]);
                    continue;
                }
                var parsed = CriLogLine.Parse(record.GetBuffer().AsSpan(0, (int)record.Length));
                record.SetLength(0);
                var next = offset + i + 1;
                if (parsed is { Partial: false })
                {
                    starts.Enqueue(lineStart);
                    if (starts.Count > lines) starts.Dequeue();
                    lineStart = next;
                }
                else if (parsed == null)
                {
                    lineStart = next;
                }
            }
            offset += n;
        }
        return starts.Count > 0 ? starts.Peek() : lineStart;
    }
}
