using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Protobuf;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

public sealed class KubectlCaptureTests
{
    public static TheoryData<string> Names => new(KubectlCaptures.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void DecodesToTheJsonGoWrites(string name)
    {
        var capture = KubectlCaptures.Named(name);
        Assert.True(KubeProtobuf.TryDecode(capture.Body, out var obj, out var error), error);
        JsonAssert.Equal(capture.ExpectedJson, obj);
    }

    // The official client's models know every field name: a name we got wrong would vanish on the round trip.
    [Theory]
    [MemberData(nameof(Names))]
    public void RoundTripsThroughTheOfficialClientModels(string name)
    {
        Assert.True(KubeProtobuf.TryDecode(KubectlCaptures.Named(name).Body, out var obj, out var error), error);
        // The client prefixes a kind whose name two groups share with its group.
        string kind = (string)obj["kind"]! == "TokenRequest" ? "Authenticationv1TokenRequest" : "V1" + (string)obj["kind"]!;
        var modelType = Type.GetType($"k8s.Models.{kind}, KubernetesClient", throwOnError: true)!;
        var deserialize = typeof(KubernetesJson).GetMethods()
            .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string))
            .MakeGenericMethod(modelType);
        var model = deserialize.Invoke(null, [obj.ToJsonString(), null]);
        JsonAssert.Equal(obj.ToJsonString(), JsonNode.Parse(KubernetesJson.Serialize(model)));
    }

    [Fact]
    public void EveryRecordedCommandHasACapture() => Assert.Equal(29, KubectlCaptures.All.Count);

    [Fact]
    public void DeploymentKeepsTheGeneratorsSettings()
    {
        var deployment = Decode<V1Deployment>(KubectlCaptures.Deployment);

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("web", deployment.Metadata.Labels["app"]);
        Assert.Null(deployment.Metadata.CreationTimestamp);
        Assert.Null(deployment.Metadata.GenerateName);
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("busybox", container.Image);
        Assert.Equal(80, Assert.Single(container.Ports).ContainerPort);
        Assert.Null(container.Ports[0].Protocol);
    }

    [Fact]
    public void SelfSubjectAccessReviewCarriesTheQuestion()
    {
        var review = Decode<V1SelfSubjectAccessReview>(KubectlCaptures.CanISubresource);

        Assert.Equal("get", review.Spec.ResourceAttributes.Verb);
        Assert.Equal("pods", review.Spec.ResourceAttributes.Resource);
        Assert.Equal("log", review.Spec.ResourceAttributes.Subresource);
        Assert.Equal("kube-system", review.Spec.ResourceAttributes.NamespaceProperty);
    }

    [Fact]
    public void SecretDataIsBase64()
    {
        var secret = Decode<V1Secret>(KubectlCaptures.SecretGeneric);

        Assert.Equal("admin"u8.ToArray(), secret.Data["user"]);
        Assert.Equal("p@ss"u8.ToArray(), secret.Data["pw"]);
    }

    [Fact]
    public void ServicePortsKeepIntOrStringAndNodePort()
    {
        var port = Assert.Single(Decode<V1Service>(KubectlCaptures.ServiceNodePort).Spec.Ports);

        Assert.Equal(80, port.Port);
        Assert.Equal("8080", port.TargetPort.Value);
        Assert.Equal(30080, port.NodePort);
    }

    [Fact]
    public void FieldsNewerThanKubectl132Survive() =>
        Assert.Equal("SIGTERM", Decode<V1Job>(KubectlCaptures.JobFromCronJob133).Spec.Template.Spec.Containers[0].Lifecycle.StopSignal);

    [Fact]
    public void PodDisruptionBudgetKeepsAPercentage() =>
        Assert.Equal("50%", Decode<V1PodDisruptionBudget>(KubectlCaptures.Pdb).Spec.MinAvailable.Value);

    [Fact]
    public void QuotaKeepsQuantitiesAndScopes()
    {
        var quota = Decode<V1ResourceQuota>(KubectlCaptures.Quota);

        Assert.Equal("100m", quota.Spec.Hard["requests.cpu"].ToString());
        Assert.Equal("1Gi", quota.Spec.Hard["limits.memory"].ToString());
        Assert.Equal(["NotTerminating"], quota.Spec.Scopes);
    }

    private static T Decode<T>(KubectlCapture capture)
    {
        Assert.True(KubeProtobuf.TryDecode(capture.Body, out var obj, out var error), error);
        return KubernetesJson.Deserialize<T>(obj.ToJsonString());
    }
}
