using KubeSharp.ApiMachinery.Protobuf;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

public sealed class ProtoSchemaTests
{
    // Every kind kubectl 1.32 sends as protobuf (kubectl-wire.md 1.2, 4.19) and the ones sent alongside them.
    [Theory]
    [InlineData("v1", "Namespace")]
    [InlineData("v1", "ConfigMap")]
    [InlineData("v1", "Secret")]
    [InlineData("v1", "Service")]
    [InlineData("v1", "ServiceAccount")]
    [InlineData("v1", "ResourceQuota")]
    [InlineData("v1", "Pod")]
    [InlineData("v1", "PodTemplate")]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("batch/v1", "Job")]
    [InlineData("batch/v1", "CronJob")]
    [InlineData("scheduling.k8s.io/v1", "PriorityClass")]
    [InlineData("authentication.k8s.io/v1", "TokenRequest")]
    [InlineData("authentication.k8s.io/v1", "TokenReview")]
    [InlineData("authorization.k8s.io/v1", "SelfSubjectAccessReview")]
    [InlineData("authorization.k8s.io/v1", "SelfSubjectRulesReview")]
    [InlineData("authorization.k8s.io/v1", "SubjectAccessReview")]
    [InlineData("authorization.k8s.io/v1", "LocalSubjectAccessReview")]
    [InlineData("rbac.authorization.k8s.io/v1", "Role")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole")]
    [InlineData("rbac.authorization.k8s.io/v1", "RoleBinding")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")]
    [InlineData("networking.k8s.io/v1", "Ingress")]
    [InlineData("policy/v1", "PodDisruptionBudget")]
    public void KindIsDecodable(string apiVersion, string kind) =>
        Assert.True(ProtoKinds.TryFind(ProtoSchema.Kubernetes, apiVersion, kind, out _, out var error), error);

    [Fact]
    public void WellKnownMessagesAreMarked()
    {
        var schema = ProtoSchema.Kubernetes;

        Assert.Equal(WellKnownMessage.Time, schema.Find("k8s.io.apimachinery.pkg.apis.meta.v1.Time")!.WellKnown);
        Assert.Equal(WellKnownMessage.Quantity, schema.Find("k8s.io.apimachinery.pkg.api.resource.Quantity")!.WellKnown);
        Assert.Equal(WellKnownMessage.IntOrString, schema.Find("k8s.io.apimachinery.pkg.util.intstr.IntOrString")!.WellKnown);
        Assert.Equal(WellKnownMessage.ExtraValue, schema.Find("k8s.io.api.authorization.v1.ExtraValue")!.WellKnown);
    }

    [Fact]
    public void OptionsAreRead()
    {
        var schema = ProtoSchema.Kubernetes;
        var objectMeta = schema.Find("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta")!;
        var boundRef = schema.Find("k8s.io.api.authentication.v1.BoundObjectReference")!;
        var volume = schema.Find("k8s.io.api.core.v1.Volume")!;

        Assert.True(objectMeta.Fields[2].OmitEmpty);
        Assert.True(objectMeta.Fields[11].IsMap);
        Assert.Equal("uid", boundRef.Fields[4].JsonName);
        Assert.True(volume.Fields[2].Inline);
    }

    [Theory]
    [InlineData("message A { optional B b = 1; }", "unknown type B")]
    [InlineData("message A { optional string a = 1; optional string b = 1; }", "field number 1 twice")]
    [InlineData("message A { optional string a = 1 [(kubesharp.frob) = true]; }", "unknown field option")]
    [InlineData("message A { optional string a = 1 }", "expected ';'")]
    public void SchemaMistakesFailLoudly(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ProtoSchema.Load(["package t;\n" + text]));

        Assert.Contains(message, error.Message);
    }
}
