using k8s.Models;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Scheduler.Tests.Infrastructure;

/// <summary>
/// An in-process API server of its own (nodes are cluster-scoped, so scenarios that count nodes cannot share one)
/// plus a scheduler reaching it over HTTPS, and a client for the test to create nodes and pods.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string Namespace = "sched";

    private readonly string _dataDir;

    private TestCluster(string dataDir, ApiServerHost server, KubeClient client)
    {
        _dataDir = dataDir;
        Server = server;
        Client = client;
    }

    public ApiServerHost Server { get; }

    public KubeClient Client { get; }

    public SchedulerHost? Scheduler { get; private set; }

    public ResourceClient<V1Pod> Pods => Client.For<V1Pod>();

    public static async Task<TestCluster> StartAsync(bool startScheduler = true, bool leaderElect = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "kubesharp-sched-test-" + Guid.NewGuid().ToString("N")[..12]);
        var server = await ApiServerHost.StartAsync(new ApiServerOptions { DataDir = dir, SecurePort = 0, BindAddress = "127.0.0.1" },
            NullLoggerFactory.Instance, CancellationToken.None);
        var cluster = new TestCluster(dir, server, new KubeClient(ClientConfig.FromKubeconfig(server.KubeconfigPath)));
        await cluster.Client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        if (startScheduler) await cluster.StartSchedulerAsync(leaderElect);
        return cluster;
    }

    public async Task StartSchedulerAsync(bool leaderElect = false, Func<SchedulerOptions, SchedulerOptions>? configure = null)
    {
        var options = new SchedulerOptions
        {
            KubeconfigPath = Server.KubeconfigPath,
            LeaderElect = leaderElect,
            RandomSeed = 1,
        };
        Scheduler = await SchedulerHost.StartAsync(configure?.Invoke(options) ?? options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    /// <summary>Creates the node with its status (allocatable, Ready), as a kubelet would register it.</summary>
    public async Task<V1Node> AddNodeAsync(V1Node node)
    {
        var nodes = Client.For<V1Node>();
        var created = await nodes.CreateAsync(node);
        if (created.Status?.Allocatable == null || created.Status.Allocatable.Count == 0)
        {
            created.Status = node.Status;
            created = await nodes.UpdateStatusAsync(created);
        }
        return created;
    }

    public Task<V1Pod> AddPodAsync(V1Pod pod)
    {
        pod.Metadata.NamespaceProperty = Namespace;
        pod.Metadata.Uid = null;
        return Pods.CreateAsync(pod);
    }

    public Task<V1Pod> GetPodAsync(string name) => Pods.GetAsync(Namespace, name);

    /// <summary>Waits until the pod is bound and returns its node.</summary>
    public async Task<string> WaitForNodeAsync(string pod)
    {
        string? node = null;
        await Eventually.WaitAsync(async () => (node = (await GetPodAsync(pod)).Spec.NodeName) != null, $"pod {pod} to be bound");
        return node!;
    }

    /// <summary>Waits for PodScheduled=False and returns the condition.</summary>
    public async Task<V1PodCondition> WaitForUnschedulableAsync(string pod)
    {
        V1PodCondition? condition = null;
        await Eventually.WaitAsync(async () =>
        {
            condition = (await GetPodAsync(pod)).Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "False");
            return condition != null;
        }, $"pod {pod} to be marked unschedulable");
        return condition!;
    }

    public async Task<IReadOnlyList<Corev1Event>> EventsForAsync(string pod) =>
        (await Client.For<Corev1Event>().ListAsync(Namespace)).Items.Where(e => e.InvolvedObject?.Name == pod).ToList();

    public async Task<Corev1Event> WaitForEventAsync(string pod, string reason)
    {
        Corev1Event? found = null;
        await Eventually.WaitAsync(async () => (found = (await EventsForAsync(pod)).FirstOrDefault(e => e.Reason == reason)) != null,
            $"{reason} event for {pod}");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Scheduler != null) await Scheduler.DisposeAsync();
        Client.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, true);
        }
        catch (IOException)
        {
            // A file still held open; the temp dir is cleaned by the OS eventually.
        }
    }
}
