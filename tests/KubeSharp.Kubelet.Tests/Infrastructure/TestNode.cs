using k8s.Models;
using KubeSharp.Kubelet.Cri.Fake;

namespace KubeSharp.Kubelet.Tests.Infrastructure;

/// <summary>
/// A kubelet on the fake runtime against the shared API server: its own node name, root and log dirs. The runtime
/// outlives <see cref="RestartKubeletAsync"/>, like containerd outliving a kubelet restart.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly ApiServerFixture _api;

    private TestNode(ApiServerFixture api, KubeletOptions options, FakeRuntime runtime, FixedResourceProbe probe, TimeProvider time)
    {
        _api = api;
        Options = options;
        Runtime = runtime;
        Probe = probe;
        Time = time;
    }

    public KubeletOptions Options { get; }

    public FakeRuntime Runtime { get; }

    public FixedResourceProbe Probe { get; }

    public TimeProvider Time { get; }

    public KubeletHost? Kubelet { get; private set; }

    public string Name => Options.NodeName;

    public static async Task<TestNode> StartAsync(ApiServerFixture api, Func<KubeletOptions, KubeletOptions>? configure = null,
        TimeProvider? time = null, bool start = true)
    {
        var root = TestDirs.Create("kubelet-root");
        var probe = new FixedResourceProbe();
        var options = new KubeletOptions
        {
            KubeconfigPath = api.KubeconfigPath,
            NodeName = ApiServerFixture.UniqueName("node"),
            NodeIP = "10.1.2.3",
            Hostname = "test-host",
            RootDir = Path.Combine(root, "kubelet"),
            PodLogsDir = Path.Combine(root, "logs"),
            ManagePodCgroups = false,
            ClusterDns = ["10.96.0.10"],
            PlegRelistPeriod = TimeSpan.FromMilliseconds(200),
            ResourceProbe = probe,
        };
        options = configure?.Invoke(options) ?? options;
        time ??= TimeProvider.System;
        var node = new TestNode(api, options, new FakeRuntime(new FakeRuntimeOptions { PodCidr = "10.244.7.0/24" }, time), probe, time);
        if (start) await node.StartKubeletAsync();
        return node;
    }

    public async Task StartKubeletAsync()
    {
        Kubelet = await KubeletHost.StartAsync(Options, Runtime, Runtime, FileLoggerFactory.FromEnvironment(), Time);
    }

    public async Task StopKubeletAsync()
    {
        if (Kubelet != null) await Kubelet.DisposeAsync();
        Kubelet = null;
    }

    public async Task RestartKubeletAsync()
    {
        await StopKubeletAsync();
        await StartKubeletAsync();
    }

    /// <summary>A pod bound to this node (spec.nodeName set, as the scheduler's binding leaves it).</summary>
    public V1Pod Pod(string ns, string name, params V1Container[] containers) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1PodSpec { NodeName = Name, Containers = containers.ToList() },
    };

    public static V1Container Container(string name, string image = "busybox") =>
        new() { Name = name, Image = image, ImagePullPolicy = "IfNotPresent", Command = ["sleep", "3600"] };

    public Task<V1Pod> CreateAsync(V1Pod pod) => _api.Client.For<V1Pod>().CreateAsync(pod);

    public Task<V1Pod> GetAsync(V1Pod pod) => _api.Client.For<V1Pod>().GetAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name);

    /// <summary>Waits until the pod's status satisfies <paramref name="accept"/> and returns the pod.</summary>
    public Task<V1Pod> WaitForAsync(V1Pod pod, Func<V1Pod, bool> accept, string what, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => GetAsync(pod), accept, $"pod {pod.Metadata.Name}: {what}", timeout);

    public static bool IsReady(V1Pod p) => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    public async ValueTask DisposeAsync()
    {
        await StopKubeletAsync();
        try
        {
            await _api.Client.For<V1Node>().DeleteAsync(null, Name);
        }
        catch (KubeSharp.Client.Rest.KubeApiException)
        {
            // The test may have deleted it already.
        }
        TestDirs.DeleteQuietly(Path.GetDirectoryName(Options.RootDir)!);
    }
}
