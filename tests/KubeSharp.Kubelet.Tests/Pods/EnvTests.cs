using System.Text;
using k8s.Models;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Tests.Pods;

public sealed class EnvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$(A)", "a")]
    [InlineData("x$(A)y$(B)z", "xaybz")]
    [InlineData("$(MISSING)", "$(MISSING)")]
    [InlineData("$$(A)", "$(A)")]
    [InlineData("$$", "$")]
    [InlineData("cost $5", "cost $5")]
    [InlineData("end$", "end$")]
    [InlineData("$(A", "$(A")]
    public void Expansion_follows_upstream(string input, string expected)
    {
        var vars = new Dictionary<string, string> { ["A"] = "a", ["B"] = "b" };
        Assert.Equal(expected, EnvExpansion.Expand(input, n => vars.TryGetValue(n, out var v) ? v : null));
    }

    [Fact]
    public async Task Later_variables_see_earlier_ones_and_services_never_override_explicit_env()
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns", Uid = "u1" },
            Spec = new V1PodSpec { Containers = [] },
        };
        var container = new V1Container
        {
            Name = "c",
            EnvFrom = [new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = "s" } }],
            Env =
            [
                new V1EnvVar { Name = "FIRST", Value = "1" },
                new V1EnvVar { Name = "SECOND", Value = "$(FIRST)-$(TOKEN)-$(SECOND)" },
                new V1EnvVar { Name = "DB_SERVICE_HOST", Value = "mine" },
                new V1EnvVar { Name = "UID", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.uid" } } },
            ],
        };
        var objects = new StaticObjects();
        objects.Secrets["s"] = new V1Secret { Data = new Dictionary<string, byte[]> { ["TOKEN"] = Encoding.UTF8.GetBytes("t") } };
        var env = await EnvBuilder.BuildAsync(container, new EnvBuilder.Context(pod, ["10.0.0.5"], ["10.1.1.1"],
            [("DB_SERVICE_HOST", "10.96.0.7"), ("DB_SERVICE_PORT", "5432")], null, objects), CancellationToken.None);
        var map = env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("1-t-$(SECOND)", map["SECOND"]);
        Assert.Equal("mine", map["DB_SERVICE_HOST"]);
        Assert.Equal("5432", map["DB_SERVICE_PORT"]);
        Assert.Equal("u1", map["UID"]);
        Assert.Equal(["TOKEN", "FIRST", "SECOND", "DB_SERVICE_HOST", "UID", "DB_SERVICE_PORT"], env.Select(e => e.Name));
    }

    [Fact]
    public async Task Missing_required_references_fail_and_optional_ones_are_skipped()
    {
        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns" }, Spec = new V1PodSpec { Containers = [] } };
        var context = new EnvBuilder.Context(pod, [], [], [], null, new StaticObjects());
        var required = new V1Container { Name = "c", Env = [new V1EnvVar { Name = "X", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "nope", Key = "k" } } }] };
        var e = await Assert.ThrowsAsync<ContainerConfigException>(() => EnvBuilder.BuildAsync(required, context, CancellationToken.None));
        Assert.Equal("secret \"nope\" not found", e.Message);
        var optional = new V1Container { Name = "c", EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "nope", Optional = true } }] };
        Assert.Empty(await EnvBuilder.BuildAsync(optional, context, CancellationToken.None));
    }

    [Fact]
    public void Service_variables_match_upstream_names()
    {
        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "app" }, Spec = new V1PodSpec { Containers = [] } };
        var services = new[]
        {
            new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "my-svc", NamespaceProperty = "app" },
                Spec = new V1ServiceSpec { ClusterIP = "10.96.1.2", Ports = [new V1ServicePort { Name = "http", Port = 80, Protocol = "TCP" }, new V1ServicePort { Name = "dns", Port = 53, Protocol = "UDP" }] },
            },
            new V1Service { Metadata = new V1ObjectMeta { Name = "headless", NamespaceProperty = "app" }, Spec = new V1ServiceSpec { ClusterIP = "None" } },
            new V1Service { Metadata = new V1ObjectMeta { Name = "other", NamespaceProperty = "elsewhere" }, Spec = new V1ServiceSpec { ClusterIP = "10.96.9.9" } },
            new V1Service { Metadata = new V1ObjectMeta { Name = "kubernetes", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { ClusterIP = "10.96.0.1", Ports = [new V1ServicePort { Name = "https", Port = 443 }] } },
        };
        var env = ServiceEnv.For(pod, services).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("10.96.1.2", env["MY_SVC_SERVICE_HOST"]);
        Assert.Equal("80", env["MY_SVC_SERVICE_PORT"]);
        Assert.Equal("80", env["MY_SVC_SERVICE_PORT_HTTP"]);
        Assert.Equal("53", env["MY_SVC_SERVICE_PORT_DNS"]);
        Assert.Equal("tcp://10.96.1.2:80", env["MY_SVC_PORT"]);
        Assert.Equal("udp://10.96.1.2:53", env["MY_SVC_PORT_53_UDP"]);
        Assert.Equal("udp", env["MY_SVC_PORT_53_UDP_PROTO"]);
        Assert.Equal("10.96.1.2", env["MY_SVC_PORT_53_UDP_ADDR"]);
        Assert.Equal("10.96.0.1", env["KUBERNETES_SERVICE_HOST"]);
        Assert.False(env.ContainsKey("HEADLESS_SERVICE_HOST"));
        Assert.False(env.ContainsKey("OTHER_SERVICE_HOST"));

        pod.Spec.EnableServiceLinks = false;
        var withoutLinks = ServiceEnv.For(pod, services).Select(e => e.Name).ToList();
        Assert.Contains("KUBERNETES_SERVICE_HOST", withoutLinks);
        Assert.DoesNotContain("MY_SVC_SERVICE_HOST", withoutLinks);
    }

    private sealed class StaticObjects : IPodObjectSource
    {
        public Dictionary<string, V1ConfigMap> ConfigMaps { get; } = [];

        public Dictionary<string, V1Secret> Secrets { get; } = [];

        public Task<V1ConfigMap?> GetConfigMapAsync(string ns, string name, CancellationToken ct) => Task.FromResult(ConfigMaps.GetValueOrDefault(name));

        public Task<V1Secret?> GetSecretAsync(string ns, string name, CancellationToken ct) => Task.FromResult(Secrets.GetValueOrDefault(name));
    }
}
