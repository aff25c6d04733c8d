using System.Threading.Channels;

namespace KubeSharp.Storage.Sqlite;

/// <summary>
/// One live watch subscription: a bounded buffer between the broadcaster and one consumer. The broadcaster hands
/// over whole committed batches (one queue operation and at most one wake-up per batch, not per event) and never
/// waits; when more than the capacity in events is waiting, the watcher is marked overflowed and its consumer gets
/// <see cref="WatchTooSlowException"/> at its next read instead of silently missing events.
/// </summary>
internal sealed class Watcher
{
    private readonly Channel<StoreEvent[]> _batches = Channel.CreateUnbounded<StoreEvent[]>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly int _capacity;
    private int _buffered;
    private volatile bool _overflowed;

    // Consumer side only.
    private StoreEvent[]? _current;
    private int _next;

    public Watcher(string prefix, int capacity)
    {
        Prefix = prefix;
        _capacity = Math.Max(1, capacity);
    }

    public string Prefix { get; }

    /// <summary>Called by the broadcaster only, with events under <see cref="Prefix"/> in revision order. False
    /// exactly once: when these events overflowed the buffer and the watcher has to be dropped.</summary>
    public bool TryOffer(StoreEvent[] events)
    {
        if (_overflowed)
        {
            return true;
        }

        if (Interlocked.Add(ref _buffered, events.Length) > _capacity)
        {
            _overflowed = true;
            _batches.Writer.TryComplete();
            return false;
        }

        _batches.Writer.TryWrite(events);
        return true;
    }

    /// <summary>Ends the stream normally (the store is shutting down).</summary>
    public void Close() => _batches.Writer.TryComplete();

    /// <summary>The next live event, or null when the stream ended.</summary>
    public async ValueTask<StoreEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Checked before every event: what is still buffered after an overflow is not worth delivering,
            // since the consumer has to re-list anyway.
            if (_overflowed)
            {
                throw new WatchTooSlowException();
            }

            if (_current is { } current && _next < current.Length)
            {
                return current[_next++];
            }

            _current = null;
            if (_batches.Reader.TryRead(out var batch))
            {
                Interlocked.Add(ref _buffered, -batch.Length);
                _current = batch;
                _next = 0;
                continue;
            }

            if (!await _batches.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return _overflowed ? throw new WatchTooSlowException() : null;
            }
        }
    }
}
