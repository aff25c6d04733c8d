using System.Text.Json;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// Builds the OpenAPI v3 document of one group-version ("api/v1", "apis/apps/v1"): the paths of its resources and
/// every schema those paths reach, including shared ones from other packages (ObjectMeta, PodTemplateSpec, Scale).
/// </summary>
internal static class GroupVersionDocument
{
    public static byte[] Build(string path, IReadOnlyList<ResourceInfo> resources)
    {
        var paths = PathsBuilder.Build("/" + path, resources);
        var schemas = Schemas(resources);
        var tag = OperationNames.Tag(resources[0]);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("openapi", "3.0.0");
            writer.WriteStartObject("info");
            writer.WriteString("title", "Kubernetes");
            writer.WriteString("version", OpenApiDocuments.KubernetesVersion);
            writer.WriteEndObject();

            writer.WriteStartObject("paths");
            foreach (var item in paths)
            {
                writer.WriteStartObject(item.Path);
                foreach (var op in item.Operations)
                {
                    OperationWriter.Write(writer, op, tag);
                }
                QueryParameters.WritePath(writer, item.Namespaced, item.Named);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();

            writer.WriteStartObject("components");
            writer.WriteStartObject("schemas");
            foreach (var (name, type) in schemas)
            {
                writer.WritePropertyName(name);
                if (type is null)
                {
                    SpecialSchemas.Write(writer, name);
                }
                else
                {
                    writer.WriteRawValue(SchemaWriter.Schema(type), skipInputValidation: true);
                }
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // Name-sorted components: model types reached from the GV's kinds, the request/response envelopes every
    // path uses, and the special apimachinery schemas (null type).
    private static SortedDictionary<string, Type?> Schemas(IReadOnlyList<ResourceInfo> resources)
    {
        var roots = new List<Type> { typeof(V1DeleteOptions), typeof(V1Status) };
        foreach (var resource in resources)
        {
            roots.Add(resource.ModelType);
            if (resource.ListType is { } list)
            {
                roots.Add(list);
            }
            if (resource.HasSubresource("scale"))
            {
                roots.Add(typeof(V1Scale));
            }
        }
        var schemas = new SortedDictionary<string, Type?>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var type in SchemaTypes.Reachable(root))
            {
                if (SchemaNames.Of(type) is { } name)
                {
                    schemas.TryAdd(name, type);
                }
            }
        }
        foreach (var special in SpecialSchemas.All)
        {
            schemas.TryAdd(special, null);
        }
        return schemas;
    }
}
