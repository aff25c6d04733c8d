using k8s;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Client;

/// <summary>deployments/status follows upstream's deployment status strategy: status and annotations, nothing else.</summary>
public sealed class DeploymentStatusTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task Status_update_writes_status_and_annotations_but_not_spec_or_labels()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("deploy-status");
        var created = await client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["tier"] = "front" } },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
                },
            },
        }, ns);

        created.Metadata.Annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/revision"] = "1" };
        created.Metadata.Labels["tier"] = "back";
        created.Spec.Replicas = 5;
        created.Status = new V1DeploymentStatus { ObservedGeneration = 1, Replicas = 2 };
        await client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(created, "web", ns);

        var got = await client.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal("1", got.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("front", got.Metadata.Labels["tier"]);
        Assert.Equal(2, got.Spec.Replicas);
        Assert.Equal((1L, 2), (got.Status.ObservedGeneration, got.Status.Replicas));
        Assert.Equal(1, got.Metadata.Generation);
    }
}
