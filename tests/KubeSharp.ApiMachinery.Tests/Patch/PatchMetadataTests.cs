using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiMachinery.Tests.Patch;

public sealed class PatchMetadataTests
{
    [Fact]
    public void EveryEntryNamesARealModelField()
    {
        foreach (var ((type, field), metadata) in PatchMetadata.All)
        {
            var property = type.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == field);
            Assert.True(property is not null, $"{type.Name}.{field} is not a model field");
            if (metadata.MergeKey is not null)
            {
                var element = property!.PropertyType.GetGenericArguments().Single();
                Assert.True(
                    element.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == metadata.MergeKey),
                    $"{type.Name}.{field}: merge key {metadata.MergeKey} is not a field of {element.Name}");
            }
        }
    }

    [Theory]
    [InlineData(typeof(V1PodSpec), "containers", "name", PatchStrategy.Merge)]
    [InlineData(typeof(V1PodSpec), "volumes", "name", PatchStrategy.Merge | PatchStrategy.RetainKeys)]
    [InlineData(typeof(V1PodSpec), "tolerations", null, PatchStrategy.None)]
    [InlineData(typeof(V1Container), "ports", "containerPort", PatchStrategy.Merge)]
    [InlineData(typeof(V1Container), "envFrom", null, PatchStrategy.None)]
    [InlineData(typeof(V1ObjectMeta), "finalizers", null, PatchStrategy.Merge)]
    [InlineData(typeof(V1DeploymentSpec), "strategy", null, PatchStrategy.RetainKeys)]
    [InlineData(typeof(V1NodeSpec), "taints", null, PatchStrategy.None)]
    public void Lookup(Type type, string field, string? mergeKey, PatchStrategy strategy)
    {
        Assert.Equal(new PatchFieldMetadata(mergeKey, strategy), PatchMetadata.Lookup(type, field));
    }
}
