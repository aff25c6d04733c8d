using System.Threading.Channels;

namespace KubeSharp.Storage.Sqlite;

/// <summary>
/// One live watch subscription: a bounded buffer between the broadcaster and one consumer. The broadcaster never
/// waits on it; when the buffer is full the watcher is marked overflowed and its consumer gets
/// <see cref="WatchTooSlowException"/> at its next read, instead of silently missing events.
/// </summary>
internal sealed class Watcher
{
    private readonly Channel<StoreEvent> _buffer;
    private volatile bool _overflowed;

    public Watcher(string prefix, int capacity)
    {
        Prefix = prefix;
        _buffer = Channel.CreateBounded<StoreEvent>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public string Prefix { get; }

    /// <summary>Called by the broadcaster only. False exactly once: when this event overflowed the buffer and the
    /// watcher has to be dropped; later offers are ignored.</summary>
    public bool TryOffer(StoreEvent storeEvent)
    {
        if (_overflowed)
        {
            return true;
        }

        if (_buffer.Writer.TryWrite(storeEvent))
        {
            return true;
        }

        _overflowed = true;
        _buffer.Writer.TryComplete();
        return false;
    }

    /// <summary>Ends the stream normally (the store is shutting down).</summary>
    public void Close() => _buffer.Writer.TryComplete();

    /// <summary>The next live event, or null when the stream ended.</summary>
    public async ValueTask<StoreEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Checked before every read: events still buffered after an overflow are not worth delivering,
            // since the consumer has to re-list anyway.
            if (_overflowed)
            {
                throw new WatchTooSlowException();
            }

            if (_buffer.Reader.TryRead(out var storeEvent))
            {
                return storeEvent;
            }

            if (!await _buffer.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return _overflowed ? throw new WatchTooSlowException() : null;
            }
        }
    }
}
