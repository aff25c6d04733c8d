using k8s.Models;
using KubeSharp.Client.Cache;

namespace KubeSharp.Client.Tests.Cache;

public sealed class ListerTests
{
    private static Lister<V1Pod> NewLister()
    {
        var indexer = new Indexer<V1Pod>();
        indexer.AddIndex(Indexes.Namespace, Indexes.ByNamespace);
        indexer.Upsert(TestObjects.Pod("a", "web-1", labels: new() { ["app"] = "web", ["tier"] = "front" }));
        indexer.Upsert(TestObjects.Pod("a", "db-1", labels: new() { ["app"] = "db" }));
        indexer.Upsert(TestObjects.Pod("b", "web-2", labels: new() { ["app"] = "web" }));
        indexer.Upsert(TestObjects.Pod("b", "bare"));
        return new Lister<V1Pod>(indexer);
    }

    [Fact]
    public void ListsBySelectorAcrossAndWithinNamespaces()
    {
        var lister = NewLister();
        Assert.Equal(4, lister.List().Count);
        var web = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "web" });
        Assert.Equal(["web-1", "web-2"], lister.List(web).Select(p => p.Name()).Order());
        Assert.Equal(["web-2"], lister.List("b", web).Select(p => p.Name()));
        Assert.Equal(2, lister.List("a").Count);
    }

    [Fact]
    public void GetReturnsNullForMissing()
    {
        var lister = NewLister();
        Assert.Equal("db-1", lister.Get("a", "db-1")!.Name());
        Assert.Null(lister.Get("b", "db-1"));
    }

    [Theory]
    [InlineData("In", "web,db", 3)]
    [InlineData("NotIn", "web", 2)] // db-1 and the unlabelled pod
    [InlineData("Exists", null, 3)]
    [InlineData("DoesNotExist", null, 1)]
    public void MatchExpressionsFollowUpstreamSemantics(string op, string? values, int expected)
    {
        var selector = LabelSelector.FromV1(new V1LabelSelector
        {
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "app", OperatorProperty = op, Values = values?.Split(',') }],
        });
        Assert.Equal(expected, NewLister().List(selector).Count);
    }

    [Fact]
    public void MatchLabelsAndExpressionsMustAllHold()
    {
        var selector = LabelSelector.FromV1(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "Exists" }],
        });
        Assert.Equal(["web-1"], NewLister().List(selector).Select(p => p.Name()));
        Assert.Equal("app=web,tier", selector.ToString());
    }

    [Fact]
    public void NullSelectorMatchesNothingEmptyMatchesEverything()
    {
        Assert.Empty(NewLister().List(LabelSelector.FromV1(null)));
        Assert.Equal(4, NewLister().List(LabelSelector.FromV1(new V1LabelSelector())).Count);
    }

    [Fact]
    public void DeepCopyIsIndependentOfTheCachedObject()
    {
        var lister = NewLister();
        var cached = lister.Get("a", "web-1")!;
        var copy = KubeObjects.DeepCopy(cached);
        copy.Metadata.Labels["app"] = "changed";
        copy.Spec.Containers[0].Image = "other";
        Assert.Equal("web", cached.Metadata.Labels["app"]);
        Assert.Equal("busybox", cached.Spec.Containers[0].Image);
    }
}
