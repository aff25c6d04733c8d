using k8s.Models;
using KubeSharp.ApiMachinery.OpenApi;

namespace KubeSharp.ApiMachinery.Tests.OpenApi;

public class ModelDocsTests
{
    [Fact]
    public void Doc_file_is_found() => Assert.True(ModelDocs.Available);

    [Fact]
    public void Summaries_are_rejoined_into_one_line()
    {
        var doc = ModelDocs.ForProperty(typeof(V1ObjectMeta), nameof(V1ObjectMeta.Name));
        Assert.StartsWith("Name must be unique within a namespace. Is required when creating resources,", doc);
        Assert.DoesNotContain('\n', doc);
        Assert.DoesNotContain("  ", doc);
    }

    [Fact]
    public void Type_summaries_and_missing_members()
    {
        Assert.StartsWith("Deployment enables declarative updates for Pods and ReplicaSets.", ModelDocs.ForType(typeof(V1Deployment)));
        Assert.Equal("", ModelDocs.ForProperty(typeof(V1Pod), "NoSuchProperty"));
        Assert.Equal("", ModelDocs.ForType(typeof(string)));
    }
}
