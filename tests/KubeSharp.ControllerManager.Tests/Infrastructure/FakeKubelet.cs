using System.Globalization;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>
/// Plays the kubelet for tests without one: registers Nodes and writes pod status (IP, phase, Ready condition)
/// through pods/status, the way a kubelet reports it.
/// </summary>
public sealed class FakeKubelet(KubeClient client)
{
    public async Task<V1Node> RegisterNodeAsync(string name, string? zone = null)
    {
        var labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name };
        if (zone != null) labels["topology.kubernetes.io/zone"] = zone;
        return await client.For<V1Node>().CreateAsync(new V1Node { Metadata = new V1ObjectMeta { Name = name, Labels = labels } });
    }

    /// <summary>A pod bound to <paramref name="node"/> whose one container exposes <paramref name="ports"/> (name → number).</summary>
    public static V1Pod Pod(string ns, string name, string app, string node, params (string Name, int Port)[] ports) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec
        {
            NodeName = node,
            Containers =
            [
                new V1Container
                {
                    Name = "c",
                    Image = "busybox",
                    Ports = ports.Length == 0 ? null : ports.Select(p => new V1ContainerPort { Name = p.Name, ContainerPort = p.Port }).ToList(),
                },
            ],
        },
    };

    /// <summary>Reports the pod Running with <paramref name="ip"/> and the given readiness (transition time now).</summary>
    public Task<V1Pod> SetStatusAsync(string ns, string pod, string ip, bool ready)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var status = ready ? "True" : "False";
        return client.For<V1Pod>().PatchAsync(ns, pod, PatchType.Merge,
            $$$"""{"status":{"phase":"Running","podIP":"{{{ip}}}","podIPs":[{"ip":"{{{ip}}}"}],"conditions":[{"type":"Ready","status":"{{{status}}}","lastTransitionTime":"{{{now}}}"}]}}""",
            "status");
    }

    /// <summary>Creates the pod and reports its status.</summary>
    public async Task<V1Pod> RunAsync(V1Pod pod, string ip, bool ready)
    {
        await client.For<V1Pod>().CreateAsync(pod);
        return await SetStatusAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, ip, ready);
    }

    public static V1Service Service(string ns, string name, string? app, params V1ServicePort[] ports) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["team"] = "blue" } },
        Spec = new V1ServiceSpec
        {
            Selector = app == null ? null : new Dictionary<string, string> { ["app"] = app },
            Ports = ports.ToList(),
        },
    };

    public static V1ServicePort Port(string name, int port, string targetPort) => new() { Name = name, Port = port, TargetPort = targetPort };
}
