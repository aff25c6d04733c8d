using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiMachinery.Tests.Patch;

/// <summary>The one-walk create field set must equal the general Flatten + Build encoding, byte for byte.</summary>
public sealed class CreateFieldSetTests
{
    public static TheoryData<string, Type> Objects => new()
    {
        { """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"d","labels":{"a":"b","c":"d"},"finalizers":["x/y","x/z"]},"spec":{"containers":[{"name":"web","image":"i","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":81}],"env":[{"name":"A","value":"1"}],"resources":{}}],"initContainers":[],"volumes":[{"name":"v","emptyDir":{}}],"tolerations":[{"key":"k","operator":"Exists"}],"restartPolicy":"Always"},"status":{}}""", typeof(V1Pod) },
        { """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","annotations":{"x":"y"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"busybox"},{"name":"b","image":"nginx","command":["sh"]}]}}}}""", typeof(V1Deployment) },
        { """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}],"selector":{"app":"x"},"type":"ClusterIP"}}""", typeof(V1Service) },
        { """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{}}""", typeof(V1ConfigMap) },
        { """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""", typeof(V1ConfigMap) },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void MatchesTheGeneralEncoding(string json, Type type)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        var expected = FieldsV1.Build(FieldSetBuilder.Flatten(obj, type).Keys);
        var actual = ManagedFields.FieldsOfCreate(obj, type);
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }
}
