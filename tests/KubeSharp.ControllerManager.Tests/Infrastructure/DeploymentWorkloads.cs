using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>Deployments selecting app=name, and the waits the deployment tests share.</summary>
public static class DeploymentWorkloads
{
    public static V1Deployment Deployment(string ns, string name, int replicas, string image = "busybox:1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = image }] },
            },
        },
    };

    public static V1Deployment RollingUpdate(this V1Deployment d, IntOrString surge, IntOrString unavailable)
    {
        d.Spec.Strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = surge, MaxUnavailable = unavailable },
        };
        return d;
    }

    /// <summary>ReplicaSets of the namespace controlled by the Deployment with this uid.</summary>
    public static async Task<List<V1ReplicaSet>> OwnedReplicaSetsAsync(this ClusterFixture cluster, string ns, string uid) =>
        (await cluster.Client.For<V1ReplicaSet>().ListAsync(ns)).Items
            .Where(rs => rs.Metadata.OwnerReferences?.Any(r => r.Uid == uid && r.Controller == true) == true)
            .ToList();

    /// <summary>Rolled out as kubectl rollout status sees it, plus Progressing=NewReplicaSetAvailable.</summary>
    public static async Task<V1Deployment> WaitRolledOutAsync(this ClusterFixture cluster, string ns, string name, TimeSpan? timeout = null)
    {
        V1Deployment? d = null;
        await Eventually.WaitAsync(async () =>
        {
            d = await cluster.Client.For<V1Deployment>().GetAsync(ns, name);
            if (d.Status is not { } s) return false;
            return s.ObservedGeneration == d.Metadata.Generation && s.UpdatedReplicas == d.Spec.Replicas
                && (s.Replicas ?? 0) == d.Spec.Replicas && (s.AvailableReplicas ?? 0) == d.Spec.Replicas
                && s.Conditions?.Any(c => c.Type == "Progressing" && c.Reason == "NewReplicaSetAvailable") == true;
        }, $"deployment {ns}/{name} rolled out", timeout ?? TimeSpan.FromSeconds(60));
        return d!;
    }

    public static async Task<List<Corev1Event>> EventsAsync(this ClusterFixture cluster, string ns, string uid, string reason) =>
        (await cluster.Client.For<Corev1Event>().ListAsync(ns)).Items
            .Where(e => e.InvolvedObject?.Uid == uid && e.Reason == reason).ToList();

    public static Task PatchAsync(this ClusterFixture cluster, string ns, string name, string mergePatch) =>
        cluster.Client.For<V1Deployment>().PatchAsync(ns, name, PatchType.Merge, mergePatch);
}
