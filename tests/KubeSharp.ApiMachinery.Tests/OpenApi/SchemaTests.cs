using System.Text.Json;
using KubeSharp.ApiMachinery.OpenApi;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Tests.OpenApi;

public class SchemaTests
{
    [Fact]
    public void Pod_schema_has_its_kind_and_documented_properties()
    {
        var pod = Documents.Schema("api/v1", "io.k8s.api.core.v1.Pod");
        Assert.Equal("object", pod.GetProperty("type").GetString());
        Assert.StartsWith("Pod is a collection of containers", pod.GetProperty("description").GetString());
        var gvk = Assert.Single(pod.GetProperty("x-kubernetes-group-version-kind").EnumerateArray().ToList());
        Assert.Equal(("", "v1", "Pod"), Documents.Gvk(gvk));
        var properties = pod.GetProperty("properties");
        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], properties.EnumerateObject().Select(p => p.Name));
        Assert.All(properties.EnumerateObject(), p => Assert.False(string.IsNullOrEmpty(p.Value.GetProperty("description").GetString())));
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.PodSpec",
            properties.GetProperty("spec").GetProperty("allOf")[0].GetProperty("$ref").GetString());
    }

    [Fact]
    public void Every_kind_schema_carries_its_gvk()
    {
        foreach (var resource in ResourceTable.Resources)
        {
            var path = OpenApiDocuments.PathOf(resource.Group, resource.Version);
            var name = OpenApiDocuments.SchemaName(resource.ModelType)!;
            var gvk = Documents.Schema(path, name).GetProperty("x-kubernetes-group-version-kind")[0];
            Assert.Equal((resource.Group, resource.Version, resource.Kind), Documents.Gvk(gvk));
        }
    }

    [Theory]
    [InlineData(typeof(k8s.Models.V1Pod), "io.k8s.api.core.v1.Pod")]
    [InlineData(typeof(k8s.Models.V1PodTemplateSpec), "io.k8s.api.core.v1.PodTemplateSpec")]
    [InlineData(typeof(k8s.Models.V1Deployment), "io.k8s.api.apps.v1.Deployment")]
    [InlineData(typeof(k8s.Models.V1DeploymentStrategy), "io.k8s.api.apps.v1.DeploymentStrategy")]
    [InlineData(typeof(k8s.Models.V1JobTemplateSpec), "io.k8s.api.batch.v1.JobTemplateSpec")]
    [InlineData(typeof(k8s.Models.V1ObjectMeta), "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")]
    [InlineData(typeof(k8s.Models.V1LabelSelector), "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector")]
    [InlineData(typeof(k8s.Models.Corev1Event), "io.k8s.api.core.v1.Event")]
    [InlineData(typeof(k8s.Models.Eventsv1Event), "io.k8s.api.events.v1.Event")]
    [InlineData(typeof(k8s.Models.Discoveryv1EndpointPort), "io.k8s.api.discovery.v1.EndpointPort")]
    [InlineData(typeof(k8s.Models.V1LeaseSpec), "io.k8s.api.coordination.v1.LeaseSpec")]
    [InlineData(typeof(k8s.Models.V1ResourceAttributes), "io.k8s.api.authorization.v1.ResourceAttributes")]
    [InlineData(typeof(k8s.Models.V1Scale), "io.k8s.api.autoscaling.v1.Scale")]
    public void Schema_names_follow_upstream_packages(Type type, string expected) => Assert.Equal(expected, OpenApiDocuments.SchemaName(type));

    [Fact]
    public void Special_types_point_at_apimachinery_schemas()
    {
        var meta = Documents.Schema("api/v1", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").GetProperty("properties");
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time", Ref(meta.GetProperty("creationTimestamp")));

        var surge = Documents.Schema("apis/apps/v1", "io.k8s.api.apps.v1.RollingUpdateDeployment").GetProperty("properties").GetProperty("maxSurge");
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString", Ref(surge));
        var intOrString = Documents.Schema("apis/apps/v1", "io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        Assert.Equal("int-or-string", intOrString.GetProperty("format").GetString());

        var limits = Documents.Schema("api/v1", "io.k8s.api.core.v1.ResourceRequirements").GetProperty("properties").GetProperty("limits");
        Assert.Equal("object", limits.GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity", Ref(limits.GetProperty("additionalProperties")));

        var data = Documents.Schema("api/v1", "io.k8s.api.core.v1.Secret").GetProperty("properties").GetProperty("data");
        Assert.Equal("byte", data.GetProperty("additionalProperties").GetProperty("format").GetString());

        var eventTime = Documents.Schema("apis/events.k8s.io/v1", "io.k8s.api.events.v1.Event").GetProperty("properties").GetProperty("eventTime");
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime", Ref(eventTime));
    }

    [Fact]
    public void Primitive_and_list_properties_have_types()
    {
        var container = Documents.Schema("api/v1", "io.k8s.api.core.v1.Container").GetProperty("properties");
        Assert.Equal("string", container.GetProperty("image").GetProperty("type").GetString());
        Assert.Equal("boolean", container.GetProperty("tty").GetProperty("type").GetString());
        var args = container.GetProperty("args");
        Assert.Equal("array", args.GetProperty("type").GetString());
        Assert.Equal("string", args.GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.ContainerPort", Ref(container.GetProperty("ports").GetProperty("items")));
        var port = Documents.Schema("api/v1", "io.k8s.api.core.v1.ServicePort").GetProperty("properties").GetProperty("port");
        Assert.Equal(("integer", "int32"), (port.GetProperty("type").GetString(), port.GetProperty("format").GetString()));
    }

    [Theory]
    [InlineData("api/v1", "io.k8s.api.core.v1.Container", new[] { "name" })]
    [InlineData("api/v1", "io.k8s.api.core.v1.PodSpec", new[] { "containers" })]
    [InlineData("api/v1", "io.k8s.api.core.v1.ServicePort", new[] { "port" })]
    [InlineData("api/v1", "io.k8s.api.core.v1.PodList", new[] { "items" })]
    [InlineData("apis/apps/v1", "io.k8s.api.apps.v1.DeploymentSpec", new[] { "selector", "template" })]
    public void Required_fields(string path, string schema, string[] required) =>
        Assert.Equal(required, Documents.Schema(path, schema).GetProperty("required").EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public void Shared_core_schemas_are_included_in_other_group_documents()
    {
        var schemas = Documents.For("apis/apps/v1").GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("io.k8s.api.core.v1.PodTemplateSpec", out _));
        Assert.True(schemas.TryGetProperty("io.k8s.api.autoscaling.v1.Scale", out _));
        Assert.False(schemas.TryGetProperty("io.k8s.api.core.v1.Pod", out _));
    }

    private static string? Ref(JsonElement property) => property.GetProperty("allOf")[0].GetProperty("$ref").GetString();
}
