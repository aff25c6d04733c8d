using System.Collections.Concurrent;
using k8s.Models;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Tests.Infrastructure;

/// <summary>Records evictions as "victim by preemptor on node" and succeeds.</summary>
internal sealed class FakePreemptor : IPodPreemptor
{
    public ConcurrentQueue<string> Evicted { get; } = new();

    public Task<Status> EvictAsync(V1Pod victim, V1Pod preemptor, string nodeName, CancellationToken ct)
    {
        Evicted.Enqueue($"{victim.Metadata.Name} by {preemptor.Metadata.Name} on {nodeName}");
        return Task.FromResult(Status.Success);
    }
}
