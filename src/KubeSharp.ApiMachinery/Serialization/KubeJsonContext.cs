using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// Build-time JSON metadata for every type the node roles (kubelet, proxy, agent) send or receive, so they
/// serialize without reflection (Native AOT). Types nested in these (PodSpec, Container, Quantity, ...) come along.
/// A kind added to the node path must be listed here, or the AOT build throws NotSupportedException at runtime;
/// NodeJsonTypesTests (Agent tests) finds the node's typed JSON calls in its IL and fails first.
/// </summary>
/// <remarks>
/// Metadata mode only: the serialization fast path would bypass the per-property converters TimeConverters
/// installs (metav1.Time vs MicroTime) and the options' own converters. Naming and null handling match
/// <see cref="KubeJson"/>'s options; the models name every property explicitly anyway.
/// </remarks>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(V1Pod))]
[JsonSerializable(typeof(ObjectList<V1Pod>))]
[JsonSerializable(typeof(V1PodList))]
[JsonSerializable(typeof(V1PodStatus))]
[JsonSerializable(typeof(V1LifecycleHandler))]
[JsonSerializable(typeof(V1Node))]
[JsonSerializable(typeof(ObjectList<V1Node>))]
[JsonSerializable(typeof(V1NodeStatus))]
[JsonSerializable(typeof(V1Lease))]
[JsonSerializable(typeof(ObjectList<V1Lease>))]
[JsonSerializable(typeof(Corev1Event))]
[JsonSerializable(typeof(ObjectList<Corev1Event>))]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(ObjectList<V1ConfigMap>))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(ObjectList<V1Secret>))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(ObjectList<V1Service>))]
[JsonSerializable(typeof(V1EndpointSlice))]
[JsonSerializable(typeof(ObjectList<V1EndpointSlice>))]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(V1DeleteOptions))]
// Free-form fields (managedFields[].fieldsV1, RawExtension) are typed object: they read as JsonElement and are
// written by their runtime type, so these must be known too.
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonValue))]
internal sealed partial class KubeJsonContext : JsonSerializerContext;
