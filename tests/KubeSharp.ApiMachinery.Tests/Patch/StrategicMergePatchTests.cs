using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiMachinery.Tests.Patch;

public sealed class StrategicMergePatchTests
{
    // Rows: name, model type, original, patch, expected. JSON compared semantically, array order included.
    public static TheoryData<string, Type, string, string, string> Rows => new()
    {
        // Kubernetes docs, "Update API Objects in Place Using kubectl patch": containers merge by name...
        {
            "docs: containers merge", typeof(V1Deployment),
            """{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"patch-demo-ctr","image":"nginx"}],"tolerations":[{"effect":"NoSchedule","key":"dedicated","value":"test-team"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"patch-demo-ctr-2","image":"redis"}]}}}}""",
            """{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"patch-demo-ctr","image":"nginx"},{"name":"patch-demo-ctr-2","image":"redis"}],"tolerations":[{"effect":"NoSchedule","key":"dedicated","value":"test-team"}]}}}}"""
        },
        // ...tolerations have no patch strategy, so they are replaced...
        {
            "docs: tolerations replace", typeof(V1Deployment),
            """{"spec":{"template":{"spec":{"containers":[{"name":"patch-demo-ctr","image":"nginx"}],"tolerations":[{"effect":"NoSchedule","key":"dedicated","value":"test-team"}]}}}}""",
            """{"spec":{"template":{"spec":{"tolerations":[{"effect":"NoSchedule","key":"disktype","value":"ssd"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"patch-demo-ctr","image":"nginx"}],"tolerations":[{"effect":"NoSchedule","key":"disktype","value":"ssd"}]}}}}"""
        },
        // ...and the retainKeys strategy example clears rollingUpdate when switching to Recreate.
        {
            "docs: $retainKeys on deployment strategy", typeof(V1Deployment),
            """{"spec":{"replicas":2,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"30%","maxUnavailable":"30%"}}}}""",
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""",
            """{"spec":{"replicas":2,"strategy":{"type":"Recreate"}}}"""
        },
        {
            "docs: without $retainKeys strategy merges", typeof(V1Deployment),
            """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"30%"}}}}""",
            """{"spec":{"strategy":{"type":"Recreate"}}}""",
            """{"spec":{"strategy":{"type":"Recreate","rollingUpdate":{"maxSurge":"30%"}}}}"""
        },
        // kubectl-wire.md §4.9: what client-side `kubectl apply` sends for a changed manifest.
        {
            "kubectl apply: replicas, image, last-applied", typeof(V1Deployment),
            """{"metadata":{"name":"web","namespace":"default","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"old\n","deployment.kubernetes.io/revision":"1"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.26","imagePullPolicy":"IfNotPresent","ports":[{"containerPort":80,"protocol":"TCP"}]}],"restartPolicy":"Always"}}}}""",
            """{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"new\n"}},"spec":{"replicas":3,"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}""",
            """{"metadata":{"name":"web","namespace":"default","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"new\n","deployment.kubernetes.io/revision":"1"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","imagePullPolicy":"IfNotPresent","ports":[{"containerPort":80,"protocol":"TCP"}]}],"restartPolicy":"Always"}}}}"""
        },
        {
            "kubectl apply: container removed from manifest", typeof(V1Deployment),
            """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"},{"name":"b","image":"b"}]}}}}""",
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"}]}}}}"""
        },
        {
            "kubectl apply: strategy switch sends $retainKeys with a null", typeof(V1Deployment),
            """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}}}""",
            """{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}""",
            """{"spec":{"strategy":{"type":"Recreate"}}}"""
        },
        {
            "kubectl apply: port added, env removed, order kept", typeof(V1Deployment),
            """{"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}}""",
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"$setElementOrder/env":[{"name":"A"}],"$setElementOrder/ports":[{"containerPort":443},{"containerPort":80}],"env":[{"$patch":"delete","name":"B"}],"name":"c","ports":[{"containerPort":443}]}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":443},{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"}]}]}}}}"""
        },
        {
            "kubectl apply: finalizer removed", typeof(V1ConfigMap),
            """{"metadata":{"finalizers":["a","b","server"]}}""",
            """{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a"]}}""",
            """{"metadata":{"finalizers":["a","server"]}}"""
        },
        {
            "kubectl set image", typeof(V1Deployment),
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1","args":["x"]},{"name":"side","image":"busybox"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"image":"nginx:2","name":"nginx"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:2","args":["x"]},{"name":"side","image":"busybox"}]}}}}"""
        },
        {
            "kubectl rollout restart", typeof(V1Deployment),
            """{"spec":{"template":{"metadata":{"labels":{"app":"web"}}}}}""",
            """{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-01-01T00:00:00Z"}}}}}""",
            """{"spec":{"template":{"metadata":{"labels":{"app":"web"},"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-01-01T00:00:00Z"}}}}}"""
        },
        {
            "kubectl cordon", typeof(V1Node),
            """{"metadata":{"name":"n1"},"spec":{"podCIDR":"10.0.0.0/24"}}""",
            """{"spec":{"unschedulable":true}}""",
            """{"metadata":{"name":"n1"},"spec":{"podCIDR":"10.0.0.0/24","unschedulable":true}}"""
        },
        {
            "null deletes a key, unmatched null ignored", typeof(V1Pod),
            """{"metadata":{"labels":{"a":"1","b":"2"}}}""",
            """{"metadata":{"labels":{"a":null,"c":null}}}""",
            """{"metadata":{"labels":{"b":"2"}}}"""
        },
        {
            "nulls inside a new map are dropped", typeof(V1Pod),
            """{"metadata":{}}""",
            """{"metadata":{"labels":{"a":"1","b":null}}}""",
            """{"metadata":{"labels":{"a":"1"}}}"""
        },
        {
            "container env, ports and volumeMounts merge by their keys", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"c","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"ports":[{"containerPort":80,"name":"http"}],"volumeMounts":[{"mountPath":"/a","name":"v1"}]}]}}""",
            """{"spec":{"containers":[{"name":"c","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}],"ports":[{"containerPort":443,"name":"https"}],"volumeMounts":[{"mountPath":"/a","readOnly":true}]}]}}""",
            """{"spec":{"containers":[{"name":"c","env":[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}],"ports":[{"containerPort":80,"name":"http"},{"containerPort":443,"name":"https"}],"volumeMounts":[{"mountPath":"/a","name":"v1","readOnly":true}]}]}}"""
        },
        {
            "envFrom is atomic", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"c","envFrom":[{"configMapRef":{"name":"a"}}]}]}}""",
            """{"spec":{"containers":[{"name":"c","envFrom":[{"secretRef":{"name":"b"}}]}]}}""",
            """{"spec":{"containers":[{"name":"c","envFrom":[{"secretRef":{"name":"b"}}]}]}}"""
        },
        {
            "ephemeral containers merge like containers", typeof(V1Pod),
            """{"spec":{"ephemeralContainers":[{"name":"dbg","image":"busybox","env":[{"name":"A","value":"1"}]}]}}""",
            """{"spec":{"ephemeralContainers":[{"name":"dbg","env":[{"name":"B","value":"2"}]}]}}""",
            """{"spec":{"ephemeralContainers":[{"name":"dbg","image":"busybox","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}"""
        },
        {
            "$patch: delete removes a list item by key", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}}""",
            """{"spec":{"containers":[{"name":"b","$patch":"delete"}]}}""",
            """{"spec":{"containers":[{"name":"a"},{"name":"c"}]}}"""
        },
        {
            "$patch: replace in a list replaces it", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"a","image":"a"},{"name":"b"}]}}""",
            """{"spec":{"containers":[{"$patch":"replace"},{"name":"x","image":"y"}]}}""",
            """{"spec":{"containers":[{"name":"x","image":"y"}]}}"""
        },
        {
            "$patch: replace on a map", typeof(V1Deployment),
            """{"spec":{"template":{"metadata":{"labels":{"a":"1","b":"2"}}}}}""",
            """{"spec":{"template":{"metadata":{"labels":{"$patch":"replace","x":"1"}}}}}""",
            """{"spec":{"template":{"metadata":{"labels":{"x":"1"}}}}}"""
        },
        {
            "$patch: delete on a map empties it", typeof(V1Pod),
            """{"spec":{"securityContext":{"runAsUser":1000},"hostname":"h"}}""",
            """{"spec":{"securityContext":{"$patch":"delete"}}}""",
            """{"spec":{"securityContext":{},"hostname":"h"}}"""
        },
        {
            "$patch: merge on a map is the default", typeof(V1Pod),
            """{"metadata":{"labels":{"a":"1"}}}""",
            """{"metadata":{"labels":{"$patch":"merge","b":"2"}}}""",
            """{"metadata":{"labels":{"a":"1","b":"2"}}}"""
        },
        {
            "finalizers merge as a set", typeof(V1Pod),
            """{"metadata":{"finalizers":["a","b"]}}""",
            """{"metadata":{"finalizers":["b","c"]}}""",
            """{"metadata":{"finalizers":["a","b","c"]}}"""
        },
        {
            "$deleteFromPrimitiveList", typeof(V1Pod),
            """{"metadata":{"finalizers":["a","b","c"]}}""",
            """{"metadata":{"$deleteFromPrimitiveList/finalizers":["b","x"]}}""",
            """{"metadata":{"finalizers":["a","c"]}}"""
        },
        {
            "$deleteFromPrimitiveList and $setElementOrder together", typeof(V1Pod),
            """{"metadata":{"finalizers":["a","b","c"]}}""",
            """{"metadata":{"$setElementOrder/finalizers":["c","a","d"],"$deleteFromPrimitiveList/finalizers":["b"],"finalizers":["d"]}}""",
            """{"metadata":{"finalizers":["c","a","d"]}}"""
        },
        {
            "$setElementOrder reorders without a list in the patch", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""",
            """{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}""",
            """{"spec":{"containers":[{"name":"b"},{"name":"a"}]}}"""
        },
        {
            "$setElementOrder places a new item", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""",
            """{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"n"},{"name":"b"}],"containers":[{"name":"n","image":"x"}]}}""",
            """{"spec":{"containers":[{"name":"a"},{"name":"n","image":"x"},{"name":"b"}]}}"""
        },
        {
            "$setElementOrder keeps server-only items where the live list had them", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"a"},{"name":"s"},{"name":"b"}]}}""",
            """{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}""",
            """{"spec":{"containers":[{"name":"s"},{"name":"b"},{"name":"a"}]}}"""
        },
        {
            "$setElementOrder on a list the original lacks", typeof(V1Pod),
            """{"spec":{}}""",
            """{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"b"},{"name":"a"}]}}""",
            """{"spec":{"containers":[{"name":"b"},{"name":"a"}]}}"""
        },
        {
            "volume source switch with per-item $retainKeys", typeof(V1Pod),
            """{"spec":{"volumes":[{"name":"v","emptyDir":{}},{"name":"w","secret":{"secretName":"s"}}]}}""",
            """{"spec":{"volumes":[{"name":"v","$retainKeys":["configMap","name"],"configMap":{"name":"cm"}}]}}""",
            """{"spec":{"volumes":[{"name":"v","configMap":{"name":"cm"}},{"name":"w","secret":{"secretName":"s"}}]}}"""
        },
        {
            "imagePullSecrets and hostAliases merge", typeof(V1Pod),
            """{"spec":{"imagePullSecrets":[{"name":"a"}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["a"]}]}}""",
            """{"spec":{"imagePullSecrets":[{"name":"b"}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["b"]},{"ip":"2.2.2.2","hostnames":["c"]}]}}""",
            """{"spec":{"imagePullSecrets":[{"name":"a"},{"name":"b"}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["b"]},{"ip":"2.2.2.2","hostnames":["c"]}]}}"""
        },
        {
            "pod status conditions merge by type", typeof(V1Pod),
            """{"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"False"}]}}""",
            """{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"c","ready":true}]}}""",
            """{"status":{"phase":"Running","conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"c","ready":true}]}}"""
        },
        {
            "container statuses are atomic", typeof(V1Pod),
            """{"status":{"containerStatuses":[{"name":"a","ready":true},{"name":"b","ready":true}]}}""",
            """{"status":{"containerStatuses":[{"name":"a","ready":false}]}}""",
            """{"status":{"containerStatuses":[{"name":"a","ready":false}]}}"""
        },
        {
            "node status conditions and addresses merge by type", typeof(V1Node),
            """{"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"MemoryPressure","status":"False"}],"addresses":[{"type":"InternalIP","address":"10.0.0.1"}]}}""",
            """{"status":{"conditions":[{"type":"Ready","status":"True"}],"addresses":[{"type":"Hostname","address":"n1"}]}}""",
            """{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"MemoryPressure","status":"False"}],"addresses":[{"type":"InternalIP","address":"10.0.0.1"},{"type":"Hostname","address":"n1"}]}}"""
        },
        {
            "node taints are atomic", typeof(V1Node),
            """{"spec":{"taints":[{"key":"a","effect":"NoSchedule"}]}}""",
            """{"spec":{"taints":[{"key":"b","effect":"NoSchedule"}]}}""",
            """{"spec":{"taints":[{"key":"b","effect":"NoSchedule"}]}}"""
        },
        {
            "service ports merge by port", typeof(V1Service),
            """{"spec":{"ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}],"selector":{"app":"x"}}}""",
            """{"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}]}}""",
            """{"spec":{"ports":[{"port":80,"targetPort":9090,"protocol":"TCP"},{"port":443}],"selector":{"app":"x"}}}"""
        },
        {
            "ownerReferences merge by uid", typeof(V1ReplicaSet),
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a","controller":true}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"1","controller":false},{"uid":"2","name":"b"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a","controller":false},{"uid":"2","name":"b"}]}}"""
        },
        {
            "deployment status conditions merge by type", typeof(V1Deployment),
            """{"status":{"replicas":1,"conditions":[{"type":"Available","status":"False"},{"type":"Progressing","status":"True"}]}}""",
            """{"status":{"replicas":2,"conditions":[{"type":"Available","status":"True"}]}}""",
            """{"status":{"replicas":2,"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}"""
        },
        {
            "job status conditions merge by type", typeof(V1Job),
            """{"status":{"conditions":[{"type":"Suspended","status":"False"}]}}""",
            """{"status":{"conditions":[{"type":"Complete","status":"True"}]}}""",
            """{"status":{"conditions":[{"type":"Suspended","status":"False"},{"type":"Complete","status":"True"}]}}"""
        },
        {
            "pod template inside a CronJob resolves through the job template", typeof(V1CronJob),
            """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"}]}}}}}}""",
            """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b"}]}}}}}}""",
            """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"},{"name":"b","image":"b"}]}}}}}}"""
        },
        {
            "kind mismatch replaces", typeof(V1Pod),
            """{"metadata":{"labels":{"a":"1"}},"spec":{"containers":[{"name":"a"}]}}""",
            """{"metadata":{"labels":"oops"}}""",
            """{"metadata":{"labels":"oops"},"spec":{"containers":[{"name":"a"}]}}"""
        },
        {
            "unknown fields: maps merge, lists replace", typeof(V1Pod),
            """{"spec":{"extra":{"a":1,"list":[{"name":"x"}]}}}""",
            """{"spec":{"extra":{"b":2,"list":[{"name":"y"}]}}}""",
            """{"spec":{"extra":{"a":1,"b":2,"list":[{"name":"y"}]}}}"""
        },
        {
            "map-valued fields (resources) merge", typeof(V1Pod),
            """{"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"1","memory":"1Gi"}}}]}}""",
            """{"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"2","memory":null}}}]}}""",
            """{"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"2"}}}]}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Applies(string name, Type modelType, string original, string patch, string expected)
    {
        Assert.NotNull(name);
        var originalNode = JsonNode.Parse(original)!;
        var before = originalNode.ToJsonString();
        JsonAssert.Equal(expected, StrategicMergePatch.Apply(originalNode, JsonNode.Parse(patch)!, modelType));
        Assert.Equal(before, originalNode.ToJsonString());
    }

    public static TheoryData<string, string, string> Errors => new()
    {
        { """{"spec":{"containers":[{"image":"x"}]}}""", """map: {"image":"x"} does not contain declared merge key: name""", "missing merge key" },
        { """{"spec":{"containers":[{"$patch":"delete"}]}}""", """map: {"$patch":"delete"} does not contain declared merge key: name""", "delete without key" },
        { """{"spec":{"containers":[{"$patch":"merge"}]}}""", "merging lists cannot yet be specified in the patch", "merge directive in list" },
        { """{"spec":{"$patch":"frob"}}""", "Unknown patch type: \"frob\" in map: {}", "bad directive" },
        { """{"spec":{"$retainKeys":["hostname"],"subdomain":"x"}}""", "invalid patch format of retainKeys", "retainKeys inconsistent" },
        { """{"spec":{"$retainKeys":"hostname"}}""", "invalid patch format of retainKeys", "retainKeys not a list" },
        { """{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"b"}]}}""", "The order in patch list:\n[{\"name\":\"b\"}]\n doesn't match $setElementOrder list:\n[{\"name\":\"a\"}]\n", "order mismatch" },
        { """{"spec":{"$frob":1}}""", "unsupported strategic merge patch directive \"$frob\"", "unknown directive" },
        { """{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}""", "invalid patch format of primitive list", "delete list not a list" },
        { """[]""", "invalid JSON document", "patch not an object" },
    };

    [Fact]
    public void ListsOfListsAreUnprocessable()
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(
            JsonNode.Parse("""{"metadata":{"finalizers":["a"]}}""")!, JsonNode.Parse("""{"metadata":{"finalizers":[["b"]]}}""")!, typeof(V1Pod)));
        Assert.Equal("lists of lists are not supported", error.Message);
        Assert.Equal(PatchErrorKind.Unprocessable, error.Kind);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Rejects(string patch, string message, string name)
    {
        Assert.NotNull(name);
        var original = JsonNode.Parse("""{"spec":{"containers":[{"name":"a"}]}}""")!;
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(original, JsonNode.Parse(patch)!, typeof(V1Pod)));
        Assert.Equal(message, error.Message);
        Assert.Equal(PatchErrorKind.BadRequest, error.Kind);
    }
}
