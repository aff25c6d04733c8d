using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>Pod and container shapes the node end-to-end tests share (busybox from the local image, never pulled).</summary>
public static class E2ePods
{
    /// <summary>Serves the pod's hostname (= pod name) on :8080, so a client sees which backend answered.</summary>
    public const string HostnameServer = "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www";

    public static V1Container Busybox(string name, string script, int? port = null) => new()
    {
        Name = name,
        Image = "busybox",
        ImagePullPolicy = "IfNotPresent",
        Command = ["sh", "-c", script],
        Ports = port is { } p ? [new V1ContainerPort { ContainerPort = p }] : null,
    };

    public static V1Pod Pod(string ns, string name, params V1Container[] containers) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1PodSpec { TerminationGracePeriodSeconds = 1, Containers = containers },
    };

    /// <summary>An exec probe that passes while <paramref name="file"/> exists, checked every second.</summary>
    public static V1Probe FileProbe(string file, int failureThreshold = 1) => new()
    {
        Exec = new V1ExecAction { Command = ["cat", file] },
        PeriodSeconds = 1,
        FailureThreshold = failureThreshold,
        TimeoutSeconds = 5,
    };

    public static async Task<List<Corev1Event>> EventsAsync(KubeClient client, string ns, string pod) =>
        (await client.For<Corev1Event>().ListAsync(ns)).Items.Where(e => e.InvolvedObject?.Name == pod).ToList();
}
