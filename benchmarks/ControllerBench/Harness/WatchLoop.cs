using k8s;
using WatchEventType = KubeSharp.Client.Rest.WatchEventType;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.ControllerBench.Harness;

/// <summary>
/// Watches a resource from a given resourceVersion until cancelled, resuming from the last version seen when the
/// server ends a stream. The handler runs on the watch's own task, right after each event is decoded, so the
/// Stopwatch timestamps it takes are the harness's "seen in a watch" moments.
/// </summary>
internal static class WatchLoop
{
    public static Task StartAsync<T>(ResourceClient<T> client, string ns, string? labelSelector, string? fieldSelector,
        string resourceVersion, Action<WatchEventType, T> onEvent, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Task.Run(async () =>
        {
            var rv = resourceVersion;
            while (!ct.IsCancellationRequested)
            {
                var options = new ListOptions
                {
                    LabelSelector = labelSelector,
                    FieldSelector = fieldSelector,
                    ResourceVersion = rv,
                    AllowWatchBookmarks = true,
                    TimeoutSeconds = 1800,
                };
                await foreach (var e in client.WatchAsync(ns, options, ct))
                {
                    if (e.Type == WatchEventType.Error)
                    {
                        throw new InvalidOperationException($"watch of {client.Resource.Resource} failed: {e.Error?.Message}");
                    }
                    if (e.Object?.Metadata?.ResourceVersion is { } seen) rv = seen;
                    if (e.Type != WatchEventType.Bookmark && e.Object != null) onEvent(e.Type, e.Object);
                }
            }
        }, ct);
}
