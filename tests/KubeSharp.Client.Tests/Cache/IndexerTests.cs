using k8s.Models;
using KubeSharp.Client.Cache;

namespace KubeSharp.Client.Tests.Cache;

public sealed class IndexerTests
{
    private static Indexer<V1Pod> NewIndexer()
    {
        var indexer = new Indexer<V1Pod>();
        indexer.AddIndex(Indexes.Namespace, Indexes.ByNamespace);
        indexer.AddIndex(Indexes.NodeName, Indexes.ByNodeName);
        return indexer;
    }

    [Fact]
    public void KeysAreNamespaceSlashName()
    {
        var indexer = NewIndexer();
        indexer.Upsert(TestObjects.Pod("a", "p1"));
        Assert.NotNull(indexer.Get("a/p1"));
        Assert.Null(indexer.Get("p1"));
        Assert.Equal(["a/p1"], indexer.ListKeys());
    }

    [Fact]
    public void IndexesFollowUpdatesAndDeletes()
    {
        var indexer = NewIndexer();
        indexer.Upsert(TestObjects.Pod("a", "p1", "n1"));
        indexer.Upsert(TestObjects.Pod("a", "p2", "n1"));
        indexer.Upsert(TestObjects.Pod("b", "p3"));
        Assert.Equal(2, indexer.ByIndex(Indexes.NodeName, "n1").Count);
        Assert.Single(indexer.ByIndex(Indexes.Namespace, "b"));

        var old = indexer.Upsert(TestObjects.Pod("a", "p2", "n2"));
        Assert.Equal("n1", old!.Spec.NodeName);
        Assert.Equal(["a/p1"], indexer.IndexKeys(Indexes.NodeName, "n1"));
        Assert.Equal(["a/p2"], indexer.IndexKeys(Indexes.NodeName, "n2"));

        indexer.Delete("a/p1");
        Assert.Empty(indexer.ByIndex(Indexes.NodeName, "n1"));
        Assert.Null(indexer.Delete("a/p1"));
        Assert.Equal(2, indexer.Count);
    }

    [Fact]
    public void ReplaceSwapsContentAndReturnsThePrevious()
    {
        var indexer = NewIndexer();
        indexer.Upsert(TestObjects.Pod("a", "old", "n1"));
        var previous = indexer.Replace([TestObjects.Pod("a", "new", "n2")]);
        Assert.Equal(["a/old"], previous.Keys);
        Assert.Empty(indexer.ByIndex(Indexes.NodeName, "n1"));
        Assert.Single(indexer.ByIndex(Indexes.NodeName, "n2"));
    }

    [Fact]
    public void IndexAddedLaterCoversExistingObjects()
    {
        var indexer = new Indexer<V1Pod>();
        indexer.Upsert(TestObjects.Pod("a", "p1", "n1"));
        indexer.AddIndex(Indexes.NodeName, Indexes.ByNodeName);
        Assert.Single(indexer.ByIndex(Indexes.NodeName, "n1"));
        Assert.Throws<ArgumentException>(() => indexer.ByIndex("nope", "x"));
    }
}
