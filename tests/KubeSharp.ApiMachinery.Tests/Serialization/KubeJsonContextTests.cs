using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ApiMachinery.Tests.Serialization;

/// <summary>The node kinds come from the generated context; everything else still from reflection under JIT.</summary>
public sealed class KubeJsonContextTests
{
    /// <summary>Every type the node roles (client, kubelet, proxy, agent) send or receive.</summary>
    public static TheoryData<Type> NodeTypes() => new(
        typeof(V1Pod), typeof(V1Node), typeof(V1Lease), typeof(Corev1Event), typeof(V1ConfigMap), typeof(V1Secret),
        typeof(V1Service), typeof(V1EndpointSlice),
        typeof(ObjectList<V1Pod>), typeof(ObjectList<V1Node>), typeof(ObjectList<V1Lease>), typeof(ObjectList<Corev1Event>),
        typeof(ObjectList<V1ConfigMap>), typeof(ObjectList<V1Secret>), typeof(ObjectList<V1Service>), typeof(ObjectList<V1EndpointSlice>),
        typeof(V1PodList), typeof(V1PodStatus), typeof(V1NodeStatus), typeof(V1LifecycleHandler), typeof(V1Status),
        typeof(V1DeleteOptions), typeof(JsonElement), typeof(V1ObjectMeta), typeof(V1Container), typeof(ResourceQuantity),
        typeof(IntOrString));

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void Each_node_type_is_served_by_the_generated_context(Type type)
    {
        var info = KubeJson.Options.GetTypeInfo(type);

        Assert.IsType<KubeJsonContext>(info.OriginatingResolver);
        Assert.IsType<KubeJsonContext>(KubeJson.StrictOptions.GetTypeInfo(type).OriginatingResolver);
    }

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void Each_node_type_resolves_without_reflection(Type type)
    {
        var aot = KubeJson.CreateOptions(JsonUnmappedMemberHandling.Skip, reflection: false);

        Assert.IsType<KubeJsonContext>(aot.GetTypeInfo(type).OriginatingResolver);
    }

    [Fact]
    public void Other_kinds_fall_back_to_reflection_only_when_the_runtime_allows_it()
    {
        Assert.IsType<DefaultJsonTypeInfoResolver>(KubeJson.Options.GetTypeInfo(typeof(V1Deployment)).OriginatingResolver);

        var aot = KubeJson.CreateOptions(JsonUnmappedMemberHandling.Skip, reflection: false);
        Assert.Throws<NotSupportedException>(() => aot.GetTypeInfo(typeof(V1Deployment)));
    }

    [Fact]
    public void The_typed_metadata_is_the_options_own_and_cached()
    {
        Assert.Same(KubeJson.Options.GetTypeInfo(typeof(V1Pod)), KubeJson.TypeInfo<V1Pod>());
        Assert.Same(KubeJson.TypeInfo<V1Pod>(), KubeJson.TypeInfo<V1Pod>());
    }

    [Fact]
    public void Generated_metadata_gets_the_per_field_time_converters()
    {
        // metav1.Time fields carry the whole-seconds converter; MicroTime fields keep the options' microsecond one.
        var meta = KubeJson.TypeInfo<V1ObjectMeta>().Properties.Single(p => p.Name == "creationTimestamp");
        var renew = KubeJson.TypeInfo<V1LeaseSpec>().Properties.Single(p => p.Name == "renewTime");
        var eventTime = KubeJson.TypeInfo<Corev1Event>().Properties.Single(p => p.Name == "eventTime");

        Assert.NotNull(meta.CustomConverter);
        Assert.Null(renew.CustomConverter);
        Assert.Null(eventTime.CustomConverter);
    }
}
