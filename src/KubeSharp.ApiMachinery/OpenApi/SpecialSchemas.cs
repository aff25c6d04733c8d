using System.Text.Json;
using k8s.Models;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// The apimachinery types that the models flatten into CLR primitives, and their upstream component schemas:
/// Time/MicroTime (DateTime), Quantity (ResourceQuantity), IntOrString, RawExtension (object), FieldsV1, Patch.
/// </summary>
internal static class SpecialSchemas
{
    public const string Time = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    public const string MicroTime = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string RawExtension = "io.k8s.apimachinery.pkg.runtime.RawExtension";
    public const string FieldsV1 = "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    // Fields whose Go type is MicroTime or FieldsV1; the models type them as DateTime / object like their siblings.
    private static readonly HashSet<(Type, string)> _microTimes =
    [
        (typeof(Corev1Event), "eventTime"), (typeof(Eventsv1Event), "eventTime"),
        (typeof(Corev1EventSeries), "lastObservedTime"), (typeof(Eventsv1EventSeries), "lastObservedTime"),
        (typeof(V1LeaseSpec), "acquireTime"), (typeof(V1LeaseSpec), "renewTime"),
    ];

    /// <summary>Whether a DateTime field is a MicroTime (microsecond precision) rather than a Time (seconds).</summary>
    public static bool IsMicroTime(Type declaringType, string jsonName) => _microTimes.Contains((declaringType, jsonName));

    /// <summary>The component a non-model CLR type stands for, or null for JSON primitives.</summary>
    public static string? For(Type declaringType, string jsonName, Type clr)
    {
        if (clr == typeof(DateTime))
        {
            return _microTimes.Contains((declaringType, jsonName)) ? MicroTime : Time;
        }
        if (clr == typeof(ResourceQuantity))
        {
            return Quantity;
        }
        if (clr == typeof(IntOrString))
        {
            return IntOrString;
        }
        if (clr == typeof(object))
        {
            return declaringType == typeof(V1ManagedFieldsEntry) ? FieldsV1 : RawExtension;
        }
        return null;
    }

    public static readonly string[] All = [Time, MicroTime, Quantity, IntOrString, RawExtension, FieldsV1, Patch];

    /// <summary>Writes the component schema of one of <see cref="All"/>. Descriptions are our own summaries.</summary>
    public static void Write(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject();
        switch (name)
        {
            case Time:
                writer.WriteString("description", "Time is a timestamp serialized as an RFC 3339 date-time in UTC, with second precision.");
                writer.WriteString("type", "string");
                writer.WriteString("format", "date-time");
                break;
            case MicroTime:
                writer.WriteString("description", "MicroTime is a timestamp serialized as an RFC 3339 date-time in UTC, with microsecond precision.");
                writer.WriteString("type", "string");
                writer.WriteString("format", "date-time");
                break;
            case Quantity:
                writer.WriteString("description",
                    "Quantity is a fixed-point decimal number with an optional suffix, serialized as a string: a binary SI suffix (Ki, Mi, Gi, Ti, Pi, Ei), a decimal SI suffix (m, k, M, G, T, P, E) or a decimal exponent (e.g. 1e3).");
                writer.WriteString("type", "string");
                writer.WriteString("format", "quantity");
                break;
            case IntOrString:
                writer.WriteString("description", "IntOrString holds either a 32-bit integer or a string.");
                writer.WriteString("type", "string");
                writer.WriteString("format", "int-or-string");
                writer.WriteBoolean("x-kubernetes-int-or-string", true);
                break;
            case RawExtension:
                writer.WriteString("description", "RawExtension holds an embedded object of any kind, kept as JSON.");
                writer.WriteString("type", "object");
                writer.WriteBoolean("x-kubernetes-preserve-unknown-fields", true);
                break;
            case FieldsV1:
                writer.WriteString("description", "FieldsV1 is the JSON set of field paths a field manager owns.");
                writer.WriteString("type", "object");
                break;
            case Patch:
                writer.WriteString("description", "Patch is the body of a PATCH request; its format is given by the request's Content-Type.");
                writer.WriteString("type", "object");
                break;
        }
        writer.WriteEndObject();
    }
}
