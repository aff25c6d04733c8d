using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// JSON for API objects in upstream's wire format: camelCase names, null fields omitted, metav1.Time with whole
/// seconds and MicroTime with microseconds, quantities and int-or-strings by the models' own converters; plus a
/// strict variant that reports fields the Go types would not know.
/// </summary>
/// <remarks>
/// The options are our own rather than the official client's (its <c>KubernetesJson</c> static constructor roots
/// the reflection resolver for every model). Types are resolved by <see cref="KubeJsonContext"/>, generated at
/// build time for the kinds the node roles use, and only then, when the runtime allows reflection, by reflection:
/// the JIT build serves every other kind and CRDs that way, the Native AOT node build trims it away
/// (JsonSerializerIsReflectionEnabledByDefault=false) and so has one code path that never reflects.
/// </remarks>
public static class KubeJson
{
    /// <summary>Ignores unknown fields, like upstream's decoder with fieldValidation=Ignore.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(JsonUnmappedMemberHandling.Skip, reflection: true);

    /// <summary>Throws on the first unknown field; used as the fast path of Strict/Warn field validation.</summary>
    public static JsonSerializerOptions StrictOptions { get; } = CreateOptions(JsonUnmappedMemberHandling.Disallow, reflection: true);

    /// <summary>
    /// Like <see cref="Options"/> but metav1.Time fields keep their microseconds too: for change detection on
    /// objects a component builds itself, where a sub-second difference still counts as a change (the kubelet's
    /// status manager compared statuses this way through the official client's options, and its write timing
    /// depends on it). Not a wire format.
    /// </summary>
    public static JsonSerializerOptions MicrosecondOptions { get; } =
        CreateOptions(JsonUnmappedMemberHandling.Skip, reflection: true, wholeSecondTimes: false);

    /// <summary>The JSON text of <paramref name="value"/> with every time at microsecond precision (<see cref="MicrosecondOptions"/>).</summary>
    public static string SerializeWithMicroseconds<T>(T value) =>
        JsonSerializer.Serialize(value, MicrosecondTypeInfoCache<T>.Info ??= (JsonTypeInfo<T>)MicrosecondOptions.GetTypeInfo(typeof(T)));

    /// <summary>
    /// The metadata <see cref="Options"/> uses for <typeparamref name="T"/>: from the generated context for the node
    /// kinds, else from reflection (JIT only; throws NotSupportedException when reflection is disabled).
    /// </summary>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        TypeInfoCache<T>.Info ??= (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static T Deserialize<T>(ReadOnlySpan<byte> json) => NotNull(JsonSerializer.Deserialize(json, TypeInfo<T>()));

    public static T Deserialize<T>(string json) => NotNull(JsonSerializer.Deserialize(json, TypeInfo<T>()));

    public static T Deserialize<T>(JsonElement json) => NotNull(JsonSerializer.Deserialize(json, TypeInfo<T>()));

    public static object Deserialize(ReadOnlySpan<byte> json, Type type) =>
        NotNull(JsonSerializer.Deserialize(json, Options.GetTypeInfo(type)));

    public static object Deserialize(JsonNode node, Type type) => NotNull(node.Deserialize(Options.GetTypeInfo(type)));

    /// <summary>
    /// Serializes <paramref name="value"/> as its runtime type, as a non-generic call would; when that is
    /// <typeparamref name="T"/> itself (the usual case) the cached typed metadata saves the lookup.
    /// </summary>
    public static byte[] Serialize<T>(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.GetType() == typeof(T)
            ? JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>())
            : JsonSerializer.SerializeToUtf8Bytes(value, Options.GetTypeInfo(value.GetType()));
    }

    /// <summary>Serializes <paramref name="obj"/> as <paramref name="type"/> (e.g. a resource's model type).</summary>
    public static byte[] Serialize(object obj, Type type) => JsonSerializer.SerializeToUtf8Bytes(obj, Options.GetTypeInfo(type));

    /// <summary>The JSON text of <paramref name="value"/>, as <see cref="Serialize{T}(T)"/> writes it.</summary>
    public static string SerializeToString<T>(T value) => System.Text.Encoding.UTF8.GetString(Serialize(value));

    public static JsonNode ToNode(object obj) => JsonSerializer.SerializeToNode(obj, Options.GetTypeInfo(obj.GetType()))!;

    private static T NotNull<T>(T? value) => value is null ? throw new JsonException("null object") : value;

    /// <summary>
    /// The options. The reflection fallback is added only when the runtime allows reflection;
    /// <paramref name="reflection"/>: false builds what the AOT build gets, for tests.
    /// </summary>
    internal static JsonSerializerOptions CreateOptions(JsonUnmappedMemberHandling unmapped, bool reflection, bool wholeSecondTimes = true)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = unmapped,
            // Upstream's encoder writes '<', '>' and '&' literally; only what JSON requires is escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        IJsonTypeInfoResolver resolver = KubeJsonContext.Default;
        // Tested on the feature switch itself, not on a parameter: the trimmer substitutes the switch with a
        // constant and removes the branch (and with it the reflection resolver) only in that form.
        if (reflection && JsonSerializer.IsReflectionEnabledByDefault) resolver = WithReflection(o, resolver);
        // Every DateTime is a MicroTime unless TimeConverters (applied per property, on generated and reflected
        // metadata alike) says it is a metav1.Time.
        o.Converters.Add(new MicroTimeConverter());
        o.Converters.Add(new Rfc3339OffsetConverter());
        o.Converters.Add(new DurationConverter());
        o.Converters.Add(new StatusConverter());
        o.TypeInfoResolver = wholeSecondTimes ? resolver.WithAddedModifier(TimeConverters.Apply) : resolver;
        o.MakeReadOnly();
        return o;
    }

    /// <summary>
    /// The reflection fallback for every type the context does not list (API server kinds, CRDs, our own DTOs),
    /// and the string form for enums on those types (the context writes its own enums as strings).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
        "Only called when JsonSerializer.IsReflectionEnabledByDefault is true; that feature switch is false in the trimmed/AOT node build, so the trimmer removes this call.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification =
        "Only called when JsonSerializer.IsReflectionEnabledByDefault is true; that feature switch is false in the trimmed/AOT node build, so the trimmer removes this call.")]
    private static IJsonTypeInfoResolver WithReflection(JsonSerializerOptions o, IJsonTypeInfoResolver generated)
    {
        o.Converters.Add(new JsonStringEnumConverter());
        return JsonTypeInfoResolver.Combine(generated, new DefaultJsonTypeInfoResolver());
    }

    /// <summary>One slot per type: the typed call sites (client, kubelet) skip the options' dictionary lookup.</summary>
    private static class TypeInfoCache<T>
    {
        public static JsonTypeInfo<T>? Info;
    }

    private static class MicrosecondTypeInfoCache<T>
    {
        public static JsonTypeInfo<T>? Info;
    }
}
