using System.Text;
using k8s.Models;

namespace KubeSharp.Kubelet.Tests.Pods;

[Collection(ApiCollection.Name)]
public sealed class PodEnvAndVolumeTests(ApiServerFixture api)
{
    [Fact]
    public async Task Environment_resolves_literals_expansion_fields_resources_configmaps_secrets_and_services()
    {
        // The kubelet starts after the services exist, so its service informer's first list has them.
        await using var node = await TestNode.StartAsync(api, start: false);
        var ns = await api.NewNamespaceAsync("env");
        await api.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = ns },
            Data = new Dictionary<string, string> { ["mode"] = "fast", ["level"] = "3", ["9lives"] = "not a variable name" },
        });
        await api.Client.For<V1Secret>().CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "sec", NamespaceProperty = ns },
            Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("hunter2") },
        });
        await api.Client.For<V1Service>().CreateAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "redis-main", NamespaceProperty = ns },
            Spec = new V1ServiceSpec { ClusterIP = "10.96.100.7", Ports = [new V1ServicePort { Name = "tcp-redis", Port = 6379, Protocol = "TCP" }] },
        });
        const string ip = "10.96.100.7";
        await EnsureMasterServiceAsync();
        await node.StartKubeletAsync();

        var c = TestNode.Container("c");
        c.Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("64Mi"), ["cpu"] = new("250m") } };
        c.EnvFrom =
        [
            new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "cfg" }, Prefix = "CFG_" },
            new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "cfg" } },
        ];
        c.Env =
        [
            new V1EnvVar { Name = "GREETING", Value = "hello" },
            new V1EnvVar { Name = "MESSAGE", Value = "$(GREETING) world $(UNDEFINED) $$(GREETING) via $(REDIS_MAIN_SERVICE_HOST)" },
            new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
            new V1EnvVar { Name = "POD_IP", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "status.podIP" } } },
            new V1EnvVar { Name = "NODE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "spec.nodeName" } } },
            new V1EnvVar { Name = "APP_LABEL", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.labels['app']" } } },
            new V1EnvVar { Name = "MEM_MI", ValueFrom = new V1EnvVarSource { ResourceFieldRef = new V1ResourceFieldSelector { Resource = "limits.memory", Divisor = new ResourceQuantity("1Mi") } } },
            new V1EnvVar { Name = "CPU", ValueFrom = new V1EnvVarSource { ResourceFieldRef = new V1ResourceFieldSelector { Resource = "limits.cpu" } } },
            new V1EnvVar { Name = "MODE", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "cfg", Key = "mode" } } },
            new V1EnvVar { Name = "OPTIONAL", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "nope", Key = "k", Optional = true } } },
            new V1EnvVar { Name = "PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "sec", Key = "password" } } },
        ];
        c.Command = ["echo", "$(MESSAGE)"];
        var created = await node.CreateAsync(node.Pod(ns, "envpod", c));
        var pod = await node.WaitForAsync(created, p => p.Status?.Phase == "Running", "Running");

        var config = node.Runtime.ContainersOf("envpod", "c").Single().Config;
        var env = config.Envs.ToDictionary(e => e.Key, e => e.Value.ToStringUtf8());
        Assert.Equal("hello", env["GREETING"]);
        Assert.Equal($"hello world $(UNDEFINED) $(GREETING) via {ip}", env["MESSAGE"]);
        Assert.Equal("envpod", env["POD_NAME"]);
        Assert.Equal(pod.Status.PodIP, env["POD_IP"]);
        Assert.Equal(node.Name, env["NODE"]);
        Assert.Equal("envpod", env["APP_LABEL"]);
        Assert.Equal("64", env["MEM_MI"]);
        Assert.Equal("1", env["CPU"]);
        Assert.Equal("fast", env["MODE"]);
        Assert.False(env.ContainsKey("OPTIONAL"));
        Assert.Equal("hunter2", env["PASSWORD"]);
        Assert.Equal("fast", env["CFG_mode"]);
        Assert.Equal("3", env["CFG_level"]);
        // Keys that are not variable names are skipped (upstream records an event); with a prefix this one is valid.
        Assert.Equal("not a variable name", env["CFG_9lives"]);
        Assert.False(env.ContainsKey("9lives"));
        Assert.Equal("3", env["level"]);
        Assert.Equal(ip, env["REDIS_MAIN_SERVICE_HOST"]);
        Assert.Equal("6379", env["REDIS_MAIN_SERVICE_PORT"]);
        Assert.Equal("6379", env["REDIS_MAIN_SERVICE_PORT_TCP_REDIS"]);
        Assert.Equal($"tcp://{ip}:6379", env["REDIS_MAIN_PORT"]);
        Assert.Equal($"tcp://{ip}:6379", env["REDIS_MAIN_PORT_6379_TCP"]);
        Assert.Equal(ip, env["REDIS_MAIN_PORT_6379_TCP_ADDR"]);
        // The master service of the default namespace is always there.
        Assert.True(env.ContainsKey("KUBERNETES_SERVICE_HOST"));
        Assert.Equal(["echo", $"hello world $(UNDEFINED) $(GREETING) via {ip}"], config.Command);
    }

    /// <summary>
    /// The "kubernetes" service of the default namespace, whose variables every pod gets: the API server creates it
    /// shortly after start, so the test waits for it rather than racing it.
    /// </summary>
    private async Task EnsureMasterServiceAsync() =>
        await KubeSharp.Testing.Eventually.WaitAsync(async () =>
        {
            try
            {
                await api.Client.For<V1Service>().GetAsync("default", "kubernetes");
                return true;
            }
            catch (KubeSharp.Client.Rest.KubeApiException e) when (KubeSharp.Client.Rest.ApiErrors.IsNotFound(e))
            {
                return false;
            }
        }, "the API server's kubernetes service");

    [Fact]
    public async Task Volumes_are_written_under_the_pod_dir_and_mounted()
    {
        await using var node = await TestNode.StartAsync(api, o => o with { SyncFrequency = TimeSpan.FromSeconds(1) });
        var ns = await api.NewNamespaceAsync("vol");
        await api.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = ns },
            Data = new Dictionary<string, string> { ["a.conf"] = "alpha", ["b.conf"] = "beta" },
        });
        await api.Client.For<V1Secret>().CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "sec", NamespaceProperty = ns },
            Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes("s3cr3t") },
        });
        var hostDir = TestDirs.Create("hostpath");
        var c = TestNode.Container("c");
        c.VolumeMounts =
        [
            new V1VolumeMount { Name = "cache", MountPath = "/cache" },
            new V1VolumeMount { Name = "cfg", MountPath = "/etc/cfg", ReadOnlyProperty = true },
            new V1VolumeMount { Name = "sec", MountPath = "/etc/sec" },
            new V1VolumeMount { Name = "info", MountPath = "/etc/info" },
            new V1VolumeMount { Name = "all", MountPath = "/etc/all" },
            new V1VolumeMount { Name = "host", MountPath = "/host" },
        ];
        var spec = node.Pod(ns, "volpod", c);
        spec.Spec.Volumes =
        [
            new V1Volume { Name = "cache", EmptyDir = new V1EmptyDirVolumeSource { Medium = "Memory" } },
            new V1Volume { Name = "cfg", ConfigMap = new V1ConfigMapVolumeSource { Name = "cfg", Items = [new V1KeyToPath { Key = "a.conf", Path = "sub/a.conf" }] } },
            new V1Volume { Name = "sec", Secret = new V1SecretVolumeSource { SecretName = "sec", DefaultMode = Convert.ToInt32("400", 8) } },
            new V1Volume
            {
                Name = "info",
                DownwardAPI = new V1DownwardAPIVolumeSource
                {
                    Items = [new V1DownwardAPIVolumeFile { Path = "labels", FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.labels" } }],
                },
            },
            new V1Volume
            {
                Name = "all",
                Projected = new V1ProjectedVolumeSource
                {
                    Sources =
                    [
                        new V1VolumeProjection { ConfigMap = new V1ConfigMapProjection { Name = "cfg", Items = [new V1KeyToPath { Key = "b.conf", Path = "b.conf" }] } },
                        new V1VolumeProjection { Secret = new V1SecretProjection { Name = "sec" } },
                        new V1VolumeProjection { ConfigMap = new V1ConfigMapProjection { Name = "absent", Optional = true } },
                    ],
                },
            },
            new V1Volume { Name = "host", HostPath = new V1HostPathVolumeSource { Path = Path.Combine(hostDir, "made"), Type = "DirectoryOrCreate" } },
        ];
        var created = await node.CreateAsync(spec);
        await node.WaitForAsync(created, p => p.Status?.Phase == "Running", "Running");

        var volumes = Path.Combine(node.Options.RootDir, "pods", created.Metadata.Uid, "volumes");
        Assert.True(Directory.Exists(Path.Combine(volumes, "kubernetes.io~empty-dir", "cache")));
        Assert.Equal("alpha", File.ReadAllText(Path.Combine(volumes, "kubernetes.io~configmap", "cfg", "sub", "a.conf")));
        Assert.False(File.Exists(Path.Combine(volumes, "kubernetes.io~configmap", "cfg", "b.conf")));
        var token = Path.Combine(volumes, "kubernetes.io~secret", "sec", "token");
        Assert.Equal("s3cr3t", File.ReadAllText(token));
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(new FileInfo(token).ResolveLinkTarget(true)!.FullName));
        Assert.Equal("app=\"volpod\"", File.ReadAllText(Path.Combine(volumes, "kubernetes.io~downward-api", "info", "labels")));
        Assert.Equal("beta", File.ReadAllText(Path.Combine(volumes, "kubernetes.io~projected", "all", "b.conf")));
        Assert.Equal("s3cr3t", File.ReadAllText(Path.Combine(volumes, "kubernetes.io~projected", "all", "token")));
        Assert.True(Directory.Exists(Path.Combine(hostDir, "made")));

        var mounts = node.Runtime.ContainersOf("volpod", "c").Single().Config.Mounts;
        Assert.Equal(Path.Combine(volumes, "kubernetes.io~configmap", "cfg"), mounts.Single(m => m.ContainerPath == "/etc/cfg").HostPath);
        Assert.True(mounts.Single(m => m.ContainerPath == "/etc/cfg").Readonly);
        Assert.Equal(Path.Combine(hostDir, "made"), mounts.Single(m => m.ContainerPath == "/host").HostPath);
        Assert.Contains(mounts, m => m.ContainerPath == "/dev/termination-log");

        // An update of the configMap reaches the running pod's volume on a later sync.
        var cm = await api.Client.For<V1ConfigMap>().GetAsync(ns, "cfg");
        cm.Data["a.conf"] = "alpha-2";
        await api.Client.For<V1ConfigMap>().UpdateAsync(cm);
        await Eventually.WaitAsync(() => File.ReadAllText(Path.Combine(volumes, "kubernetes.io~configmap", "cfg", "sub", "a.conf")) == "alpha-2", "updated file");
        TestDirs.DeleteQuietly(hostDir);
    }

    [Fact]
    public async Task HostPath_type_mismatch_blocks_the_container()
    {
        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("hostpath");
        var spec = node.Pod(ns, "p", TestNode.Container("c"));
        spec.Spec.Volumes = [new V1Volume { Name = "h", HostPath = new V1HostPathVolumeSource { Path = "/nonexistent-" + Guid.NewGuid(), Type = "Directory" } }];
        spec.Spec.Containers[0].VolumeMounts = [new V1VolumeMount { Name = "h", MountPath = "/h" }];
        await node.WaitForAsync(await node.CreateAsync(spec),
            p => p.Status?.ContainerStatuses?.Single().State?.Waiting?.Reason == "ContainerCreating", "waiting for its volume");
        Assert.Empty(node.Runtime.HistoryOf("p", "c"));
        await Eventually.WaitAsync(async () => (await api.Client.For<Corev1Event>().ListAsync(ns)).Items.Any(e => e.Reason == "FailedMount"), "FailedMount event");
    }
}
