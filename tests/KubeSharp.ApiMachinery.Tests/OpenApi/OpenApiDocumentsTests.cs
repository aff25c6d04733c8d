using System.Text.Json;
using KubeSharp.ApiMachinery.OpenApi;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Tests.OpenApi;

public class OpenApiDocumentsTests
{
    public static TheoryData<string> GroupVersions() => new(OpenApiDocuments.Paths);

    [Fact]
    public void Root_lists_every_group_version_of_the_resource_table_with_its_hash()
    {
        using var root = JsonDocument.Parse(OpenApiDocuments.Root());
        var paths = root.RootElement.GetProperty("paths");
        var expected = ResourceTable.Resources.Select(r => r.Group.Length == 0 ? "api/v1" : $"apis/{r.Group}/{r.Version}").Distinct().ToList();
        Assert.Equal(expected, paths.EnumerateObject().Select(p => p.Name));
        foreach (var path in expected)
        {
            Assert.Equal($"/openapi/v3/{path}?hash={OpenApiDocuments.Hash(path)}", paths.GetProperty(path).GetProperty("serverRelativeURL").GetString());
        }
    }

    [Fact]
    public void Hashes_are_stable_and_differ_per_path()
    {
        Assert.Equal(OpenApiDocuments.Hash("api/v1"), OpenApiDocuments.Hash("/api/v1"));
        Assert.NotEqual(OpenApiDocuments.Hash("api/v1"), OpenApiDocuments.Hash("apis/apps/v1"));
        Assert.Matches("^[0-9A-F]{128}$", OpenApiDocuments.Hash("api/v1"));
    }

    [Theory]
    [InlineData("apis/apps/v2")]
    [InlineData("apis/nosuch/v1")]
    [InlineData("api")]
    public void Unknown_group_versions_have_no_document(string path) => Assert.Null(OpenApiDocuments.ForGroupVersion(path));

    [Fact]
    public void Documents_are_built_once() =>
        Assert.Same(OpenApiDocuments.ForGroupVersion("apis/apps/v1"), OpenApiDocuments.ForGroupVersion("apis/apps/v1"));

    [Theory]
    [MemberData(nameof(GroupVersions))]
    public void Every_document_is_openapi_3_json(string path)
    {
        var doc = Documents.For(path);
        Assert.Equal("3.0.0", doc.GetProperty("openapi").GetString());
        Assert.True(doc.GetProperty("paths").EnumerateObject().Any());
        Assert.True(doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Any());
    }

    [Theory]
    [MemberData(nameof(GroupVersions))]
    public void Every_reference_resolves_within_its_document(string path)
    {
        var doc = Documents.For(path);
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var missing = new List<string>();
        Walk(doc, missing, schemas);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(GroupVersions))]
    public void Every_write_operation_declares_fieldValidation_and_its_kind(string path)
    {
        foreach (var (url, method, op) in Documents.Operations(Documents.For(path)))
        {
            Assert.True(op.TryGetProperty("x-kubernetes-group-version-kind", out _), $"{method} {url} has no GVK");
            if (method is "patch" or "post" or "put")
            {
                Assert.True(Documents.HasQueryParameter(op, "fieldValidation"), $"{method} {url} lacks fieldValidation");
            }
        }
    }

    // kubectl's query-parameter verifier takes the first PATCH operation whose GVK matches the object's kind.
    [Fact]
    public void Every_patchable_kind_has_a_patch_operation_with_fieldValidation()
    {
        foreach (var resource in ResourceTable.Resources.Where(r => r.HasVerb("patch")))
        {
            var doc = Documents.For(OpenApiDocuments.PathOf(resource.Group, resource.Version));
            var patches = Documents.Operations(doc)
                .Where(o => o.Method == "patch" && Documents.Gvk(o.Operation.GetProperty("x-kubernetes-group-version-kind")) == (resource.Group, resource.Version, resource.Kind))
                .ToList();
            Assert.NotEmpty(patches);
            Assert.All(patches, p => Assert.True(Documents.HasQueryParameter(p.Operation, "fieldValidation")));
        }
    }

    // Advertising strategic merge patch makes kubectl compute apply patches from these schemas, which lack the
    // patch merge keys; verified with kubectl 1.32 (whole container lists, no $setElementOrder).
    [Theory]
    [MemberData(nameof(GroupVersions))]
    public void Patch_operations_do_not_advertise_strategic_merge_patch(string path)
    {
        foreach (var (url, method, op) in Documents.Operations(Documents.For(path)).Where(o => o.Method == "patch"))
        {
            var content = op.GetProperty("requestBody").GetProperty("content");
            Assert.False(content.TryGetProperty("application/strategic-merge-patch+json", out _), url);
            Assert.True(content.TryGetProperty("application/merge-patch+json", out _), url);
        }
    }

    [Fact]
    public void Pod_paths_follow_upstream_urls_and_operation_ids()
    {
        var paths = Documents.For("api/v1").GetProperty("paths");
        var collection = paths.GetProperty("/api/v1/namespaces/{namespace}/pods");
        Assert.Equal("listCoreV1NamespacedPod", collection.GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("createCoreV1NamespacedPod", collection.GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("deleteCoreV1CollectionNamespacedPod", collection.GetProperty("delete").GetProperty("operationId").GetString());
        var item = paths.GetProperty("/api/v1/namespaces/{namespace}/pods/{name}");
        Assert.Equal(["get", "put", "patch", "delete", "parameters"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("patch", item.GetProperty("patch").GetProperty("x-kubernetes-action").GetString());
        Assert.Equal("listCoreV1PodForAllNamespaces", paths.GetProperty("/api/v1/pods").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("patchCoreV1NamespacedPodStatus",
            paths.GetProperty("/api/v1/namespaces/{namespace}/pods/{name}/status").GetProperty("patch").GetProperty("operationId").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/nodes/{name}", out _));
        Assert.False(paths.TryGetProperty("/api/v1/namespaces/{namespace}/nodes", out _));
    }

    [Fact]
    public void Scale_subresource_operations_carry_the_autoscaling_kind()
    {
        var op = Documents.For("apis/apps/v1").GetProperty("paths")
            .GetProperty("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale").GetProperty("patch");
        Assert.Equal(("autoscaling", "v1", "Scale"), Documents.Gvk(op.GetProperty("x-kubernetes-group-version-kind")));
        Assert.Equal("patchAppsV1NamespacedDeploymentScale", op.GetProperty("operationId").GetString());
        Assert.True(Documents.HasQueryParameter(op, "fieldValidation"));
    }

    [Fact]
    public void Create_only_resources_have_only_post()
    {
        var paths = Documents.For("apis/authorization.k8s.io/v1").GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"], names);
        Assert.Equal(["post", "parameters"], paths.GetProperty(names[0]).EnumerateObject().Select(p => p.Name));
    }

    private static void Walk(JsonElement element, List<string> missing, JsonElement schemas)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref")
                    {
                        var name = property.Value.GetString()!["#/components/schemas/".Length..];
                        if (!schemas.TryGetProperty(name, out _))
                        {
                            missing.Add(name);
                        }
                    }
                    else
                    {
                        Walk(property.Value, missing, schemas);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, missing, schemas);
                }
                break;
        }
    }
}
