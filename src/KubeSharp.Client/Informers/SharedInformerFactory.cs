using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Client.Informers;

/// <summary>
/// Hands out one informer per resource type, so every controller in a process shares one list/watch and one
/// cache (client-go's SharedInformerFactory). All its informers use the same options (namespace, selectors,
/// resync); a component that needs a narrower view (a kubelet's own pods) makes a second factory.
/// </summary>
public sealed class SharedInformerFactory : IAsyncDisposable
{
    private readonly KubeClient _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentDictionary<Type, ISharedInformer> _informers = new();
    private readonly ConcurrentDictionary<ISharedInformer, Task> _running = new();
    private readonly CancellationTokenSource _stop = new();

    public SharedInformerFactory(KubeClient client, InformerOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        _client = client;
        _options = options ?? new InformerOptions();
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>The shared informer of <typeparamref name="T"/>, created on first use; call before <see cref="Start"/>.</summary>
    public SharedInformer<T> InformerFor<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        (SharedInformer<T>)_informers.GetOrAdd(typeof(T), _ => new SharedInformer<T>(
            _client.For<T>(), _options, _time, _loggerFactory.CreateLogger("informer")));

    public Lister<T> ListerFor<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> => InformerFor<T>().Lister;

    /// <summary>Starts every informer requested so far that is not running yet; safe to call again after adding more.</summary>
    public void Start()
    {
        foreach (var informer in _informers.Values)
        {
            _running.GetOrAdd(informer, i => Task.Run(() => i.RunAsync(_stop.Token)));
        }
    }

    /// <summary>Waits until every started informer has synced; false when <paramref name="ct"/> ends first.</summary>
    public async Task<bool> WaitForCacheSyncAsync(CancellationToken ct)
    {
        var results = await Task.WhenAll(_running.Keys.Select(i => i.WaitForCacheSyncAsync(ct)));
        return results.All(r => r);
    }

    /// <summary>Stops all informers and waits for their handlers to drain.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Values);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
        _stop.Dispose();
    }
}
