using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiMachinery.Tests.Patch;

public sealed class ServerSideApplyTests
{
    private static readonly DateTime s_t1 = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_t2 = new(2026, 1, 1, 11, 0, 0, DateTimeKind.Utc);

    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
         "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}
        """;

    private const string DeploymentFields = """
        {"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
         "f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}}}}}}
        """;

    [Fact]
    public void CreateRecordsApplyEntryInUpstreamFormat()
    {
        var result = Apply(null, Deployment, "kubectl", force: false, s_t1);

        Assert.True(result.Succeeded);
        var entry = Assert.Single(result.Object!["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal("kubectl", (string?)entry["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("apps/v1", (string?)entry["apiVersion"]);
        Assert.Equal("2026-01-01T10:00:00Z", (string?)entry["time"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        JsonAssert.Equal(DeploymentFields, entry["fieldsV1"]);
        Assert.Equal("nginx:1.27", (string?)result.Object["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public void FieldsNoLongerAppliedAreRemoved()
    {
        var live = Apply(null, Deployment, "kubectl", false, s_t1).Object;
        var applied = JsonNode.Parse(Deployment)!;
        applied["metadata"]!.AsObject().Remove("labels");
        applied["spec"]!["template"]!["spec"]!["containers"] = JsonNode.Parse("""[{"name":"redis","image":"redis"}]""");

        var result = ServerSideApply.Apply(live, applied, "kubectl", false, typeof(V1Deployment), s_t2);

        Assert.Null(result.Object!["metadata"]!["labels"]?["app"]);
        JsonAssert.Equal("""[{"name":"redis","image":"redis"}]""", result.Object["spec"]!["template"]!["spec"]!["containers"]);
    }

    [Fact]
    public void ConflictWithClientSideApplyManager()
    {
        var live = LiveOwnedByClientSideApply(replicas: 1);
        var applied = JsonNode.Parse(Deployment)!;
        applied["spec"]!["replicas"] = 3;

        var result = ServerSideApply.Apply(live, applied, "kubectl", false, typeof(V1Deployment), s_t2);

        Assert.False(result.Succeeded);
        Assert.Equal(new FieldConflict("\"kubectl-client-side-apply\" using apps/v1 at 2026-01-01T10:00:00Z", ".spec.replicas"), Assert.Single(result.Conflicts));
        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1 at 2026-01-01T10:00:00Z: .spec.replicas",
            result.ConflictMessage);
    }

    [Fact]
    public void SameValueIsSharedOwnershipNotConflict()
    {
        var live = LiveOwnedByClientSideApply(replicas: 2);

        var result = ServerSideApply.Apply(live, JsonNode.Parse(Deployment)!, "kubectl", false, typeof(V1Deployment), s_t2);

        Assert.True(result.Succeeded);
        var managers = Managers(result.Object!);
        Assert.Contains("f:replicas", managers["kubectl-client-side-apply"]);
        Assert.Contains("f:replicas", managers["kubectl"]);
    }

    [Fact]
    public void ForceMovesOwnership()
    {
        var live = LiveOwnedByClientSideApply(replicas: 1);
        var applied = JsonNode.Parse(Deployment)!;
        applied["spec"]!["replicas"] = 3;

        var result = ServerSideApply.Apply(live, applied, "kubectl", true, typeof(V1Deployment), s_t2);

        Assert.True(result.Succeeded);
        Assert.Equal(3, (int?)result.Object!["spec"]!["replicas"]);
        var managers = Managers(result.Object);
        Assert.DoesNotContain("f:replicas", managers["kubectl-client-side-apply"]);
        Assert.Contains("f:replicas", managers["kubectl"]);
    }

    [Fact]
    public void DroppedFieldOwnedByAnotherManagerStays()
    {
        var live = LiveOwnedByClientSideApply(replicas: 2);
        live = ServerSideApply.Apply(live, JsonNode.Parse(Deployment)!, "kubectl", false, typeof(V1Deployment), s_t1).Object;
        var applied = JsonNode.Parse(Deployment)!;
        applied["spec"]!.AsObject().Remove("replicas");

        var result = ServerSideApply.Apply(live, applied, "kubectl", false, typeof(V1Deployment), s_t2);

        Assert.Equal(2, (int?)result.Object!["spec"]!["replicas"]);
        Assert.DoesNotContain("f:replicas", Managers(result.Object)["kubectl"]);
    }

    [Fact]
    public void NoOpApplyLeavesObjectIdentical()
    {
        var live = Apply(null, Deployment, "kubectl", false, s_t1).Object;

        var result = ServerSideApply.Apply(live, JsonNode.Parse(Deployment)!, "kubectl", false, typeof(V1Deployment), s_t2);

        Assert.True(JsonNode.DeepEquals(live, result.Object));
    }

    [Fact]
    public void ConflictsOnListItemsAndSeveralManagers()
    {
        var live = Apply(null, Deployment, "a", false, s_t1).Object;
        live = ServerSideApply.Apply(live, JsonNode.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2}}""")!,
            "b", false, typeof(V1Deployment), s_t1).Object;
        var applied = JsonNode.Parse(Deployment)!;
        applied["spec"]!["replicas"] = 5;
        applied["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:2";

        var result = ServerSideApply.Apply(live, applied, "c", false, typeof(V1Deployment), s_t2);

        Assert.Equal(
            "Apply failed with 3 conflicts: conflicts with \"a\":\n- .spec.replicas\n- .spec.template.spec.containers[name=\"nginx\"].image\nconflicts with \"b\":\n- .spec.replicas",
            result.ConflictMessage);
    }

    [Fact]
    public void UpdateRecordsOwnershipAndTakesItFromOthers()
    {
        var created = ManagedFields.RecordUpdate(null, JsonNode.Parse(Deployment)!, "kubectl-create", typeof(V1Deployment), s_t1);
        var entry = Assert.Single(created["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal("Update", (string?)entry["operation"]);
        JsonAssert.Equal(DeploymentFields, entry["fieldsV1"]);

        var scaled = created.DeepClone();
        scaled["spec"]!["replicas"] = 5;
        var updated = ManagedFields.RecordUpdate(created, scaled, "kube-controller-manager", typeof(V1Deployment), s_t2, "scale");

        var managers = Managers(updated);
        Assert.DoesNotContain("f:replicas", managers["kubectl-create"]);
        JsonAssert.Equal("""{"f:spec":{"f:replicas":{}}}""", JsonNode.Parse(managers["kube-controller-manager"]));
        Assert.Equal("scale", (string?)updated["metadata"]!["managedFields"]![1]!["subresource"]);
    }

    [Fact]
    public void UpdateWithoutChangesAddsNoEntry()
    {
        var created = ManagedFields.RecordUpdate(null, JsonNode.Parse(Deployment)!, "kubectl-create", typeof(V1Deployment), s_t1);
        var same = ManagedFields.RecordUpdate(created, created, "kubectl-label", typeof(V1Deployment), s_t2);
        Assert.True(JsonNode.DeepEquals(created, same));
    }

    [Fact]
    public void RejectsManagedFieldsInApplyConfiguration()
    {
        var applied = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","managedFields":[]}}""")!;
        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(null, applied, "kubectl", false, typeof(V1ConfigMap), s_t1));
        Assert.Equal("metadata.managedFields must be nil", error.Message);
    }

    [Fact]
    public void SetsAndAssociativeListsAreGranular()
    {
        var live = ServerSideApply.Apply(null,
            JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["a"]},"spec":{"containers":[{"name":"c","image":"i","env":[{"name":"A","value":"1"}]}]}}""")!,
            "one", false, typeof(V1Pod), s_t1).Object;
        var result = ServerSideApply.Apply(live,
            JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["b"]},"spec":{"containers":[{"name":"c","env":[{"name":"B","value":"2"}]}]}}""")!,
            "two", false, typeof(V1Pod), s_t2);

        Assert.True(result.Succeeded);
        JsonAssert.Equal("""["a","b"]""", result.Object!["metadata"]!["finalizers"]);
        JsonAssert.Equal("""[{"name":"c","image":"i","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]""", result.Object["spec"]!["containers"]);
        JsonAssert.Equal(
            """{"f:metadata":{"f:finalizers":{"v:\"b\"":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:env":{"k:{\"name\":\"B\"}":{".":{},"f:name":{},"f:value":{}}},"f:name":{}}}}}""",
            JsonNode.Parse(Managers(result.Object)["two"]));
    }

    [Fact]
    public void ReadsUpstreamMultiKeyEntries()
    {
        // As an upstream server (or kubectl's migration) writes it: ports keyed by containerPort and protocol.
        var live = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","managedFields":[{"manager":"other","operation":"Apply","apiVersion":"v1",
             "time":"2026-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:name":{},
             "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:hostPort":{}}}}}}}}]},
             "spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"hostPort":8080}]}]}}
            """)!;
        var applied = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"hostPort":9090}]}]}}""")!;

        var result = ServerSideApply.Apply(live, applied, "kubectl", false, typeof(V1Pod), s_t1);

        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"other\": .spec.containers[name=\"c\"].ports[containerPort=80].hostPort",
            result.ConflictMessage);
    }

    [Theory]
    [InlineData("""["a","b","c"]""", """["c","a"]""", """["b","c","a"]""")]
    [InlineData("""["a","b"]""", """["a","n","b"]""", """["a","n","b"]""")]
    [InlineData("""["a","b"]""", """["n"]""", """["a","b","n"]""")]
    [InlineData("""["a","b"]""", """["b","a"]""", """["b","a"]""")]
    public void AssociativeListOrderFollowsAppliedOrder(string liveNames, string appliedNames, string expectedNames)
    {
        static JsonNode Pod(string names) => JsonNode.Parse(
            $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":{{{Containers(names)}}}}}""")!;
        static string Containers(string names) =>
            new JsonArray(JsonNode.Parse(names)!.AsArray().Select(n => (JsonNode?)new JsonObject { ["name"] = (string?)n }).ToArray()).ToJsonString();

        var live = ServerSideApply.Apply(null, Pod(liveNames), "first", false, typeof(V1Pod), s_t1).Object;
        var result = ServerSideApply.Apply(live, Pod(appliedNames), "second", false, typeof(V1Pod), s_t2);

        JsonAssert.Equal(Containers(expectedNames), result.Object!["spec"]!["containers"]);
    }

    [Fact]
    public void UntrackedObjectIsOwnedByBeforeFirstApply()
    {
        var live = JsonNode.Parse(Deployment)!;
        live["spec"]!["replicas"] = 1;
        var applied = JsonNode.Parse(Deployment)!;

        var result = ServerSideApply.Apply(live, applied, "kubectl", false, typeof(V1Deployment), s_t2);

        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1 at 2026-01-01T11:00:00Z: .spec.replicas",
            result.ConflictMessage);
        var forced = ServerSideApply.Apply(live, applied, "kubectl", true, typeof(V1Deployment), s_t2).Object!;
        Assert.Contains("f:labels", Managers(forced)["before-first-apply"]);
        Assert.DoesNotContain("f:replicas", Managers(forced)["before-first-apply"]);
    }

    [Fact]
    public void UpdateOfUntrackedObjectStaysUntracked()
    {
        var old = JsonNode.Parse(Deployment)!;
        var updated = old.DeepClone();
        updated["spec"]!["replicas"] = 9;

        var result = ManagedFields.RecordUpdate(old, updated, "kubectl-edit", typeof(V1Deployment), s_t1);

        Assert.Null(result["metadata"]!["managedFields"]);
    }

    [Theory]
    [InlineData("kubectl", true)]
    [InlineData("helm", false)]
    public void KubectlApplyKeepsLastAppliedAnnotationInStep(string manager, bool synced)
    {
        var live = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"old\n"}},"data":{"a":"1"}}
            """)!;
        live = ManagedFields.RecordUpdate(null, live, "kubectl-client-side-apply", typeof(V1ConfigMap), s_t1);
        var applied = JsonNode.Parse("""{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c"},"data":{"b":"2","a":"1"}}""")!;

        var result = ServerSideApply.Apply(live, applied, manager, false, typeof(V1ConfigMap), s_t2).Object!;

        var annotation = (string?)result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"];
        Assert.Equal(
            synced ? "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\",\"b\":\"2\"},\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}\n" : "old\n",
            annotation);
    }

    [Fact]
    public void AtomicMapsAreReplacedWhole()
    {
        var live = ServerSideApply.Apply(null,
            JsonNode.Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","labels":{"a":"1"}},"spec":{"selector":{"app":"x","tier":"y"}}}""")!,
            "one", false, typeof(V1Service), s_t1).Object;
        var result = ServerSideApply.Apply(live,
            JsonNode.Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","labels":{"b":"2"}},"spec":{"selector":{"app":"z"}}}""")!,
            "one", false, typeof(V1Service), s_t2).Object!;

        JsonAssert.Equal("""{"app":"z"}""", result["spec"]!["selector"]);
        JsonAssert.Equal("""{"b":"2"}""", result["metadata"]!["labels"]);
        JsonAssert.Equal("""{"f:metadata":{"f:labels":{"f:b":{}}},"f:spec":{"f:selector":{}}}""", JsonNode.Parse(Managers(result)["one"]));
    }

    [Fact]
    public void OldestUpdateManagersFoldIntoAncientChanges()
    {
        var current = ManagedFields.RecordUpdate(null, JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"x":"y"}}""")!,
            "creator", typeof(V1ConfigMap), s_t1);
        for (var i = 0; i < 11; i++)
        {
            var next = current.DeepClone();
            next["data"]![$"k{i}"] = "v";
            current = ManagedFields.RecordUpdate(current, next, $"writer-{i}", typeof(V1ConfigMap), s_t1.AddMinutes(i + 1));
        }

        var managers = Managers(current);
        Assert.Equal(10, managers.Count);
        Assert.Contains("ancient-changes", managers.Keys);
        Assert.DoesNotContain("creator", managers.Keys);
        Assert.DoesNotContain("writer-0", managers.Keys);
        Assert.DoesNotContain("writer-1", managers.Keys);
        // Capped after each write: creator and writer-0 fold first, then writer-1 joins the bucket.
        JsonAssert.Equal("""{"f:data":{"f:x":{},"f:k0":{},"f:k1":{}}}""", JsonNode.Parse(managers["ancient-changes"]));
    }

    [Fact]
    public void MalformedManagedFieldsAreTolerated()
    {
        var live = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","managedFields":[{"manager":5,"operation":"Update",
             "fieldsV1":{"f:data":{"k:{bad":{},"v:nope":{},"f:a":{}}}}]},"data":{"a":"1"}}
            """)!;
        var applied = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"2"}}""")!;

        var result = ServerSideApply.Apply(live, applied, "kubectl", false, typeof(V1ConfigMap), s_t1);

        Assert.Equal("Apply failed with 1 conflict: conflict with \"\" using : .data.a", result.ConflictMessage);
    }

    private static ApplyResult Apply(JsonNode? live, string applied, string manager, bool force, DateTime now) =>
        ServerSideApply.Apply(live, JsonNode.Parse(applied)!, manager, force, typeof(V1Deployment), now);

    private static JsonNode LiveOwnedByClientSideApply(int replicas)
    {
        var live = JsonNode.Parse(Deployment)!;
        live["spec"]!["replicas"] = replicas;
        return ManagedFields.RecordUpdate(null, live, "kubectl-client-side-apply", typeof(V1Deployment), s_t1);
    }

    /// <summary>manager → its fieldsV1 as compact JSON.</summary>
    private static Dictionary<string, string> Managers(JsonNode obj) =>
        obj["metadata"]!["managedFields"]!.AsArray()
            .ToDictionary(e => (string)e!["manager"]!, e => e!["fieldsV1"]!.ToJsonString());
}
