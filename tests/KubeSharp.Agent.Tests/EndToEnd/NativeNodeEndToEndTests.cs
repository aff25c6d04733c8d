using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using k8s.Models;
using KubeSharp.Testing;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// The Native AOT node binary (<c>kubesharp-node agent</c>) end to end, with real containerd, CNI and iptables: what
/// a worker node runs when memory counts. Each path here serializes API objects, reads config files or streams
/// through code that trimming could break, so each is exercised once through the compiled binary.
/// </summary>
public sealed class NativeNodeEndToEndTests(NativeNodeFixture node) : IClassFixture<NativeNodeFixture>
{
    [Fact]
    public async Task The_node_runs_as_a_native_binary_without_the_dotnet_runtime()
    {
        // No JIT runtime mapped: the process is the ahead-of-time compiled code, not kubesharp.dll under dotnet.
        var maps = await File.ReadAllTextAsync($"/proc/{node.AgentPid}/maps");
        Assert.DoesNotContain("libcoreclr.so", maps);
        Assert.DoesNotContain("libclrjit.so", maps);
        var self = await File.ReadAllTextAsync($"/proc/{node.AgentPid}/cmdline");
        Assert.StartsWith(node.Binary + "\0agent\0", self);
        // It re-executed itself (same PID) with the native node profile's GC setting.
        var environment = (await File.ReadAllTextAsync($"/proc/{node.AgentPid}/environ")).Split('\0');
        Assert.Contains("DOTNET_GCgen0size=200000", environment);
        Assert.Contains("DOTNET_GCRegionSize=100000", environment);
        Assert.Contains("KUBESHARP_RUNTIME_TUNED=1", environment);

        var n = await node.Client.For<V1Node>().GetAsync(null, node.NodeName);
        Assert.StartsWith("containerd://", n.Status.NodeInfo.ContainerRuntimeVersion);
        Assert.Equal("v1.32.4", n.Status.NodeInfo.KubeletVersion);
        Assert.Equal(System.Net.Dns.GetHostName().ToLowerInvariant(), n.Metadata.Labels["kubernetes.io/hostname"]);

        var version = Process.Start(new ProcessStartInfo(node.Binary, ["version"]) { RedirectStandardOutput = true })!;
        var text = await version.StandardOutput.ReadToEndAsync();
        await version.WaitForExitAsync();
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("kubesharp-node ", text);
    }

    [Fact]
    public async Task A_pod_gets_its_volumes_environment_and_probes_and_kubectl_exec_logs_and_port_forward_work()
    {
        var ns = await node.NewNamespaceAsync("native");
        try
        {
            await node.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = ns },
                Data = new Dictionary<string, string> { ["greeting"] = "hello from a configmap", ["mode"] = "native" },
            });
            await node.Client.For<V1Secret>().CreateAsync(new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "creds", NamespaceProperty = ns },
                Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("s3cret") },
            });
            var web = Busybox("web", "mkdir -p /www && cat /etc/settings/greeting > /www/index.html && echo web up && exec httpd -f -p 8080 -h /www", 8080);
            web.Env =
            [
                new V1EnvVar { Name = "MODE", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "settings", Key = "mode" } } },
                new V1EnvVar { Name = "PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "creds", Key = "password" } } },
                new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
            ];
            web.VolumeMounts =
            [
                new V1VolumeMount { Name = "settings", MountPath = "/etc/settings" },
                new V1VolumeMount { Name = "creds", MountPath = "/etc/creds", ReadOnlyProperty = true },
            ];
            web.ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = 8080 }, PeriodSeconds = 1 };
            web.LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 8080 }, PeriodSeconds = 2, InitialDelaySeconds = 1 };
            var pod = Pod(ns, "web", web);
            pod.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web" };
            pod.Spec.Volumes =
            [
                new V1Volume { Name = "settings", ConfigMap = new V1ConfigMapVolumeSource { Name = "settings" } },
                new V1Volume { Name = "creds", Secret = new V1SecretVolumeSource { SecretName = "creds" } },
            ];
            var running = await node.RunPodAsync(pod);
            Assert.Contains(running.Status.Conditions, c => c.Type == "Ready" && c.Status == "True");
            Assert.False(string.IsNullOrEmpty(running.Status.PodIP));

            Assert.Equal("native s3cret web\n", await node.Kubectl.OkAsync("exec", "-n", ns, "web", "--", "sh", "-c", "echo $MODE $PASSWORD $POD_NAME"));
            Assert.Equal("s3cret", await node.Kubectl.OkAsync("exec", "-n", ns, "web", "--", "cat", "/etc/creds/password"));
            var failed = await node.Kubectl.RunAsync(["exec", "-n", ns, "web", "--", "sh", "-c", "exit 3"]);
            Assert.Equal(3, failed.ExitCode);
            Assert.Contains("web up", await Eventually.ValueAsync(() => node.Kubectl.OkAsync("logs", "-n", ns, "web"), l => l.Contains("web up"), "the container's log"));

            await WithPortForwardAsync(node.Kubectl, ns, "pod/web", 8080, async localPort =>
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
                Assert.Equal("hello from a configmap", await http.GetStringAsync($"http://127.0.0.1:{localPort}/"));
            });
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task The_binarys_proxy_routes_a_cluster_ip_to_the_pod()
    {
        var ns = await node.NewNamespaceAsync("native");
        try
        {
            var web = Busybox("web", HostnameServer, 8080);
            var backend = Pod(ns, "backend", web);
            backend.Metadata.Labels = new Dictionary<string, string> { ["app"] = "backend" };
            await node.RunPodAsync(backend);
            await node.RunPodAsync(Pod(ns, "client", Busybox("client", "while true; do sleep 1; done")));
            var service = await node.Client.For<V1Service>().CreateAsync(new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "backend", NamespaceProperty = ns },
                Spec = new V1ServiceSpec
                {
                    Selector = new Dictionary<string, string> { ["app"] = "backend" },
                    Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }],
                },
            });
            var answer = await Eventually.ValueAsync(async () =>
                (await node.Kubectl.RunAsync(["exec", "-n", ns, "client", "--", "timeout", "5", "busybox", "wget", "-q", "-O", "-", $"http://{service.Spec.ClusterIP}/"])).Stdout,
                s => s.Trim() == "backend", $"backend's answer through {service.Spec.ClusterIP}", TimeSpan.FromSeconds(60));
            Assert.Equal("backend", answer.Trim());
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_restarted_binary_adopts_the_running_pods()
    {
        var ns = await node.NewNamespaceAsync("native");
        try
        {
            var before = await node.RunPodAsync(Pod(ns, "steady", Busybox("main", "while true; do sleep 1; done")));
            Assert.Equal(0, await node.StopAgentAsync());
            node.StartAgent();
            await Eventually.WaitAsync(() => Task.FromResult(node.ReadLog().Split("KubeSharp agent running").Length == 3),
                "the restarted agent running", TimeSpan.FromSeconds(60));
            // The new kubelet syncs every pod at start: watched for a while, the pod keeps its container, never
            // restarted, and stays Ready.
            var id = before.Status.ContainerStatuses.Single().ContainerID;
            for (var i = 0; i < 8; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var status = (await node.Client.For<V1Pod>().GetAsync(ns, "steady")).Status.ContainerStatuses.Single();
                Assert.Equal(id, status.ContainerID);
                Assert.Equal(0, status.RestartCount);
                Assert.True(status.Ready);
            }
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}
