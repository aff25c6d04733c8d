using System.Collections.Concurrent;
using k8s.Models;

namespace KubeSharp.Scheduler.Tests.Infrastructure;

internal sealed class FakeConditionWriter : IPodConditionWriter
{
    public ConcurrentQueue<string> Writes { get; } = new();

    public Task SetPodScheduledAsync(V1Pod pod, string status, string reason, string message, string? nominatedNodeName, CancellationToken ct)
    {
        Writes.Enqueue($"{pod.Metadata.Name} {status} {reason} {message}" + (nominatedNodeName == null ? "" : $" nominated={nominatedNodeName}"));
        return Task.CompletedTask;
    }
}
