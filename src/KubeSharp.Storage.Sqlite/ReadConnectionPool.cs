using System.Collections.Concurrent;

namespace KubeSharp.Storage.Sqlite;

/// <summary>A few reusable read connections; reads never touch the writer's connection, so with WAL they run
/// next to a commit in progress instead of waiting for it.</summary>
internal sealed class ReadConnectionPool(string path, int maxConnections) : IDisposable
{
    private readonly ConcurrentBag<ReadConnection> _idle = [];
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConnections));
    private volatile bool _disposed;

    public async ValueTask<ReadConnection> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _idle.TryTake(out var connection) ? connection : new ReadConnection(path);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Return(ReadConnection connection)
    {
        connection.EndSnapshot();
        if (_disposed)
        {
            connection.Dispose();
        }
        else
        {
            _idle.Add(connection);
            if (_disposed)
            {
                // Dispose ran between the check and the Add.
                DisposeIdle();
            }
        }

        _slots.Release();
    }

    public void Dispose()
    {
        _disposed = true;
        // Connections rented right now are disposed by Return.
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
