namespace KubeSharp.Client.Informers;

/// <summary>The type-independent face of an informer, for factories and start-up code.</summary>
public interface ISharedInformer
{
    /// <summary>True once the first list has been loaded into the cache.</summary>
    bool HasSynced { get; }

    /// <summary>The resourceVersion of the last list, watch event or bookmark applied.</summary>
    string LastSyncResourceVersion { get; }

    /// <summary>Lists, then watches until <paramref name="ct"/> is cancelled; retries failures with back-off.</summary>
    Task RunAsync(CancellationToken ct);

    /// <summary>Waits for <see cref="HasSynced"/>; false when <paramref name="ct"/> ends first.</summary>
    Task<bool> WaitForCacheSyncAsync(CancellationToken ct);
}
