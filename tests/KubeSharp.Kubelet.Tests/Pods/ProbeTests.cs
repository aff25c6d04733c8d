using System.Net;
using System.Net.Sockets;
using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Tests.Pods;

[Collection(ApiCollection.Name)]
public sealed class ProbeTests(ApiServerFixture api)
{
    [Fact]
    public async Task Readiness_probe_drives_the_Ready_condition()
    {
        await using var node = await TestNode.StartAsync(api);
        var healthy = false;
        node.Runtime.ExecHandler = (_, cmd) => new ExecSyncResponse { ExitCode = cmd[0] == "check" && Volatile.Read(ref healthy) ? 0 : 1 };
        var ns = await api.NewNamespaceAsync("ready");
        var c = TestNode.Container("c");
        c.ReadinessProbe = new V1Probe { Exec = new V1ExecAction { Command = ["check"] }, PeriodSeconds = 1, FailureThreshold = 1 };
        var created = await node.CreateAsync(node.Pod(ns, "p", c));

        var pod = await node.WaitForAsync(created, p => p.Status?.Phase == "Running", "Running");
        Assert.False(TestNode.IsReady(pod));
        Assert.False(pod.Status.ContainerStatuses.Single().Ready);
        Assert.True(pod.Status.ContainerStatuses.Single().Started);

        Volatile.Write(ref healthy, true);
        pod = await node.WaitForAsync(created, TestNode.IsReady, "Ready after the probe passes");
        Assert.True(pod.Status.ContainerStatuses.Single().Ready);

        Volatile.Write(ref healthy, false);
        pod = await node.WaitForAsync(created, p => !TestNode.IsReady(p), "unready after the probe fails");
        Assert.Equal("ContainersNotReady", pod.Status.Conditions.Single(x => x.Type == "Ready").Reason);
        Assert.Equal(0, pod.Status.ContainerStatuses.Single().RestartCount);
    }

    [Fact]
    public async Task Failing_liveness_probe_restarts_the_container()
    {
        await using var node = await TestNode.StartAsync(api);
        node.Runtime.ExecHandler = (info, _) => new ExecSyncResponse { ExitCode = info.Attempt == 0 ? 1 : 0 };
        var ns = await api.NewNamespaceAsync("live");
        var c = TestNode.Container("c");
        c.LivenessProbe = new V1Probe { Exec = new V1ExecAction { Command = ["alive"] }, PeriodSeconds = 1, FailureThreshold = 2 };
        var created = await node.CreateAsync(node.Pod(ns, "p", c));

        var pod = await node.WaitForAsync(created, p => p.Status?.ContainerStatuses?.Single() is { RestartCount: 1, State.Running: not null },
            "restarted after the liveness probe failed twice");
        Assert.Equal(143, pod.Status.ContainerStatuses.Single().LastState.Terminated.ExitCode);
        Assert.True(TestNode.IsReady(pod));
        await Eventually.WaitAsync(async () => (await api.Client.For<Corev1Event>().ListAsync(ns)).Items
            .Any(e => e.Reason == "Killing" && e.Message.Contains("failed liveness probe")), "Killing event");
    }

    [Fact]
    public async Task Startup_probe_gates_started_and_http_and_tcp_probes_reach_the_target()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var serve = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!serve.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(serve.Token);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer, serve.Token);
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray(), serve.Token);
            }
        });

        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("startup");
        var c = TestNode.Container("c");
        c.Ports = [new V1ContainerPort { Name = "web", ContainerPort = port }];
        c.StartupProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Host = "127.0.0.1", Port = "web" }, PeriodSeconds = 1 };
        c.ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Host = "127.0.0.1", Port = port.ToString(System.Globalization.CultureInfo.InvariantCulture), Path = "/healthz" }, PeriodSeconds = 1 };
        var pod = await node.WaitForAsync(await node.CreateAsync(node.Pod(ns, "p", c)), TestNode.IsReady, "Ready through startup, tcp and http probes");
        Assert.True(pod.Status.ContainerStatuses.Single().Started);
        await serve.CancelAsync();
        listener.Stop();
        try
        {
            await server;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
