using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using k8s.Models;
using KubeSharp.Client.Rest;
using KubeSharp.Testing;
using Eventually = KubeSharp.Testing.Eventually;

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

    /// <summary>Polls until the pod is Running with every container ready.</summary>
    public static Task<V1Pod> WaitRunningAsync(KubeClient client, string ns, string name, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => client.For<V1Pod>().GetAsync(ns, name),
            p => p.Status?.Phase == "Running" && p.Status.ContainerStatuses?.All(c => c.Ready) == true,
            $"pod {name} running and ready", timeout ?? TimeSpan.FromSeconds(90));

    /// <summary>
    /// A test's cleanup: replication controllers go first (so nothing recreates pods), then every pod, waiting
    /// until the kubelet has finished each one (containers, sandbox and the API object gone), then the namespace.
    /// </summary>
    public static async Task CleanupNamespaceAsync(KubeClient client, string ns)
    {
        foreach (var rc in (await client.For<V1ReplicationController>().ListAsync(ns)).Items)
            await client.For<V1ReplicationController>().DeleteAsync(ns, rc.Metadata.Name, new V1DeleteOptions { PropagationPolicy = "Background" });
        await Eventually.WaitAsync(async () =>
        {
            var pods = (await client.For<V1Pod>().ListAsync(ns)).Items;
            foreach (var pod in pods.Where(p => p.Metadata.DeletionTimestamp == null))
            {
                try
                {
                    await client.For<V1Pod>().DeleteAsync(ns, pod.Metadata.Name);
                }
                catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
                {
                    // Gone already.
                }
            }
            return pods.Count == 0;
        }, $"pods of {ns} to be gone", TimeSpan.FromSeconds(120));
        await client.For<V1Namespace>().DeleteAsync(null, ns);
    }

    /// <summary>
    /// Runs <c>kubectl port-forward</c> from a free local port to <paramref name="target"/>:<paramref name="port"/>,
    /// checks that it says it is forwarding, hands the local port to <paramref name="use"/>, then stops it.
    /// </summary>
    public static async Task WithPortForwardAsync(Kubectl kubectl, string ns, string target, int port, Func<int, Task> use)
    {
        var localPort = FreePort();
        using var forward = Process.Start(kubectl.StartInfo(["port-forward", "-n", ns, target, $"{localPort}:{port}"]))!;
        try
        {
            var line = await forward.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Xunit.Assert.Contains("Forwarding from", line);
            await use(localPort);
        }
        finally
        {
            forward.Kill(entireProcessTree: true);
            await forward.WaitForExitAsync();
        }
    }

    /// <summary>The address of the interface holding the default route (as the CLI's agent picks its node IP).</summary>
    public static string HostAddress()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(new IPEndPoint(IPAddress.Parse("10.255.255.255"), 9));
        return ((IPEndPoint)socket.LocalEndPoint!).Address.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
