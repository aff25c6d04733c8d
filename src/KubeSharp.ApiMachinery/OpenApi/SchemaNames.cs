using System.Text.RegularExpressions;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// Upstream schema names ("io.k8s.api.core.v1.Container") for k8s.Models types. The C# names keep the version
/// ("V1Container") but drop the Go package, so the package is recovered in this order: apimachinery meta types are
/// listed; names the generator disambiguated carry it ("Corev1Event", "Discoveryv1EndpointPort"); kinds take their
/// resource's group; every other type belongs to the group of the first kind (core kinds first) that reaches it —
/// which puts PodTemplateSpec in core although Deployment reaches it too.
/// </summary>
internal static partial class SchemaNames
{
    public const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";

    private static readonly HashSet<Type> _metaTypes =
    [
        typeof(V1ObjectMeta), typeof(V1ListMeta), typeof(V1LabelSelector), typeof(V1LabelSelectorRequirement),
        typeof(V1OwnerReference), typeof(V1ManagedFieldsEntry), typeof(V1Status), typeof(V1StatusDetails),
        typeof(V1StatusCause), typeof(V1DeleteOptions), typeof(V1Preconditions), typeof(V1Condition),
        typeof(V1FieldSelectorRequirement), typeof(V1WatchEvent), typeof(V1APIResource), typeof(V1APIResourceList),
        typeof(V1APIGroup), typeof(V1APIGroupList), typeof(V1APIVersions), typeof(V1GroupVersionForDiscovery),
        typeof(V1ServerAddressByClientCIDR),
    ];

    // Go package directory of each API group under k8s.io/api.
    private static readonly Dictionary<string, string> _prefixPackages = new(StringComparer.Ordinal)
    {
        ["Core"] = "io.k8s.api.core",
        ["Events"] = "io.k8s.api.events",
        ["Discovery"] = "io.k8s.api.discovery",
        ["Storage"] = "io.k8s.api.storage",
        ["Rbac"] = "io.k8s.api.rbac",
        ["Flowcontrol"] = "io.k8s.api.flowcontrol",
        ["Authentication"] = "io.k8s.api.authentication",
        ["Admissionregistration"] = "io.k8s.api.admissionregistration",
        ["Resource"] = "io.k8s.api.resource",
        ["Apiextensions"] = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
        ["Apiregistration"] = "io.k8s.kube-aggregator.pkg.apis.apiregistration",
    };

    private static readonly Lazy<Dictionary<Type, string>> _names = new(Build);

    /// <summary>The upstream name of a k8s.Models object type, or null for types outside the served API.</summary>
    public static string? Of(Type type) => _names.Value.GetValueOrDefault(type);

    /// <summary>The API group's package: "" → io.k8s.api.core, "coordination.k8s.io" → io.k8s.api.coordination.</summary>
    public static string GroupPackage(string group)
    {
        if (group.Length == 0)
        {
            return "io.k8s.api.core";
        }
        var dot = group.IndexOf('.');
        return "io.k8s.api." + (dot < 0 ? group : group[..dot]);
    }

    private static Dictionary<Type, string> Build()
    {
        var names = new Dictionary<Type, string>();
        foreach (var type in _metaTypes)
        {
            names[type] = MetaPackage + "." + Split(type)!.Value.Name;
        }

        // Kinds first, so that a kind reached through another kind (none today) still gets its own group.
        foreach (var (type, group) in Roots())
        {
            Assign(names, type, group);
        }
        foreach (var (type, group) in Roots())
        {
            foreach (var reached in SchemaTypes.Reachable(type))
            {
                Assign(names, reached, group);
            }
        }
        return names;
    }

    /// <summary>Every kind schema of the served API with its group: resources, lists, subresource kinds.</summary>
    public static IEnumerable<(Type Type, string Group)> Roots()
    {
        foreach (var resource in ResourceTable.Resources)
        {
            yield return (resource.ModelType, resource.Group);
            if (resource.ListType is { } list && list != resource.ModelType)
            {
                yield return (list, resource.Group);
            }
        }
        yield return (typeof(V1Scale), "autoscaling");
    }

    private static void Assign(Dictionary<Type, string> names, Type type, string group)
    {
        if (names.ContainsKey(type) || Split(type) is not { } parts)
        {
            return;
        }
        var package = parts.Prefix is { } prefix && _prefixPackages.TryGetValue(prefix, out var p) ? p : GroupPackage(group);
        names[type] = package + "." + parts.Version + "." + parts.Name;
    }

    /// <summary>"V1beta1CronJob" → (null, "v1beta1", "CronJob"); "Corev1Event" → ("Core", "v1", "Event").</summary>
    public static (string? Prefix, string Version, string Name)? Split(Type type)
    {
        var match = ModelName().Match(type.Name);
        if (!match.Success)
        {
            return null;
        }
        var prefix = match.Groups["prefix"].Success ? match.Groups["prefix"].Value : null;
        return (prefix, "v" + match.Groups["version"].Value, match.Groups["name"].Value);
    }

    [GeneratedRegex(@"^(?:(?<prefix>[A-Z][a-z]+)v|V)(?<version>\d+(?:alpha\d+|beta\d+)?)(?<name>[A-Z]\w*)$")]
    private static partial Regex ModelName();
}
