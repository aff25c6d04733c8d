using System.Text.Json;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Http;

namespace KubeSharp.ApiServer.Discovery;

/// <summary>
/// The discovery documents, built once from the resource table: aggregated discovery (apidiscovery.k8s.io/v2 and
/// v2beta1, which kubectl 1.32 asks for first) and the legacy APIVersions / APIGroupList / APIResourceList forms.
/// </summary>
public sealed class DiscoveryDocuments
{
    public const string AggregatedV2ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    public const string AggregatedV2Beta1ContentType = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    private readonly Dictionary<string, byte[]> _resourceLists = new(StringComparer.Ordinal);

    public DiscoveryDocuments(IReadOnlyList<ResourceInfo> resources, string serverAddress)
    {
        var core = resources.Where(r => r.Group.Length == 0).ToList();
        var groups = resources.Where(r => r.Group.Length > 0).GroupBy(r => r.Group).ToList();
        CoreAggregated = new Dictionary<string, byte[]>
        {
            ["v2"] = Write(w => WriteAggregatedList(w, "v2", [("", core)])),
            ["v2beta1"] = Write(w => WriteAggregatedList(w, "v2beta1", [("", core)])),
        };
        var groupList = groups.Select(g => (g.Key, (IReadOnlyList<ResourceInfo>)g.ToList())).ToList();
        GroupsAggregated = new Dictionary<string, byte[]>
        {
            ["v2"] = Write(w => WriteAggregatedList(w, "v2", groupList)),
            ["v2beta1"] = Write(w => WriteAggregatedList(w, "v2beta1", groupList)),
        };
        ApiVersions = Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", "APIVersions");
            w.WriteStartArray("versions");
            w.WriteStringValue("v1");
            w.WriteEndArray();
            w.WriteStartArray("serverAddressByClientCIDRs");
            w.WriteStartObject();
            w.WriteString("clientCIDR", "0.0.0.0/0");
            w.WriteString("serverAddress", serverAddress);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
        ApiGroupList = Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", "APIGroupList");
            w.WriteString("apiVersion", "v1");
            w.WriteStartArray("groups");
            foreach (var (group, _) in groupList) WriteApiGroup(w, group);
            w.WriteEndArray();
            w.WriteEndObject();
        });
        _resourceLists["v1"] = Write(w => WriteResourceList(w, "v1", core));
        foreach (var (group, list) in groupList)
        {
            _resourceLists[$"{group}/v1"] = Write(w => WriteResourceList(w, $"{group}/v1", list));
            ApiGroups[group] = Write(w => WriteApiGroup(w, group, withKind: true));
        }
    }

    /// <summary>/api as APIGroupDiscoveryList, per discovery version.</summary>
    public IReadOnlyDictionary<string, byte[]> CoreAggregated { get; }

    /// <summary>/apis as APIGroupDiscoveryList, per discovery version.</summary>
    public IReadOnlyDictionary<string, byte[]> GroupsAggregated { get; }

    public byte[] ApiVersions { get; }

    public byte[] ApiGroupList { get; }

    public Dictionary<string, byte[]> ApiGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>APIResourceList for "v1" or "group/v1"; null when unknown.</summary>
    public byte[]? ResourceList(string groupVersion) => _resourceLists.GetValueOrDefault(groupVersion);

    /// <summary>Which aggregated discovery version an Accept header asks for (null = legacy document).</summary>
    public static string? AggregatedVersion(string? accept)
    {
        if (accept == null || !accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal)) return null;
        foreach (var part in accept.Split(','))
        {
            if (!part.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal)) continue;
            if (part.Contains("v=v2beta1", StringComparison.Ordinal)) return "v2beta1";
            if (part.Contains("v=v2", StringComparison.Ordinal)) return "v2";
        }
        return null;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOutput.WriterOptions)) body(w);
        return ms.ToArray();
    }

    private static void WriteAggregatedList(Utf8JsonWriter w, string version, IReadOnlyList<(string Group, IReadOnlyList<ResourceInfo> Resources)> groups)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupDiscoveryList");
        w.WriteString("apiVersion", $"apidiscovery.k8s.io/{version}");
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteStartArray("items");
        foreach (var (group, resources) in groups)
        {
            w.WriteStartObject();
            w.WriteStartObject("metadata");
            w.WriteString("name", group);
            w.WriteString("creationTimestamp", (string?)null);
            w.WriteEndObject();
            w.WriteStartArray("versions");
            w.WriteStartObject();
            w.WriteString("version", "v1");
            w.WriteStartArray("resources");
            foreach (var r in resources)
            {
                w.WriteStartObject();
                w.WriteString("resource", r.Resource);
                WriteKind(w, "responseKind", r.Group, r.Version, r.Kind);
                w.WriteString("scope", r.Namespaced ? "Namespaced" : "Cluster");
                w.WriteString("singularResource", r.Singular);
                WriteStrings(w, "verbs", r.Verbs);
                if (r.ShortNames.Length > 0) WriteStrings(w, "shortNames", r.ShortNames);
                if (r.Categories.Length > 0) WriteStrings(w, "categories", r.Categories);
                if (r.Subresources.Length > 0)
                {
                    w.WriteStartArray("subresources");
                    foreach (var s in r.Subresources)
                    {
                        w.WriteStartObject();
                        w.WriteString("subresource", s.Name);
                        WriteKind(w, "responseKind", s.Group, s.Version, s.Kind);
                        WriteStrings(w, "verbs", s.Verbs);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("freshness", "Current");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteApiGroup(Utf8JsonWriter w, string group, bool withKind = false)
    {
        w.WriteStartObject();
        if (withKind)
        {
            w.WriteString("kind", "APIGroup");
            w.WriteString("apiVersion", "v1");
        }
        w.WriteString("name", group);
        w.WriteStartArray("versions");
        w.WriteStartObject();
        w.WriteString("groupVersion", $"{group}/v1");
        w.WriteString("version", "v1");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("preferredVersion");
        w.WriteString("groupVersion", $"{group}/v1");
        w.WriteString("version", "v1");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResourceList(Utf8JsonWriter w, string groupVersion, IReadOnlyList<ResourceInfo> resources)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIResourceList");
        w.WriteString("apiVersion", "v1");
        w.WriteString("groupVersion", groupVersion);
        w.WriteStartArray("resources");
        foreach (var r in resources)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Resource);
            w.WriteString("singularName", r.Singular);
            w.WriteBoolean("namespaced", r.Namespaced);
            w.WriteString("kind", r.Kind);
            WriteStrings(w, "verbs", r.Verbs);
            if (r.ShortNames.Length > 0) WriteStrings(w, "shortNames", r.ShortNames);
            if (r.Categories.Length > 0) WriteStrings(w, "categories", r.Categories);
            w.WriteEndObject();
            foreach (var s in r.Subresources)
            {
                w.WriteStartObject();
                w.WriteString("name", $"{r.Resource}/{s.Name}");
                w.WriteString("singularName", "");
                w.WriteBoolean("namespaced", r.Namespaced);
                if (s.Group != r.Group) w.WriteString("group", s.Group);
                if (s.Group != r.Group) w.WriteString("version", s.Version);
                w.WriteString("kind", s.Kind);
                WriteStrings(w, "verbs", s.Verbs);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteKind(Utf8JsonWriter w, string name, string group, string version, string kind)
    {
        w.WriteStartObject(name);
        w.WriteString("group", group);
        w.WriteString("version", version);
        w.WriteString("kind", kind);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, string[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
