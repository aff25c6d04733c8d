using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Deployment;
using static KubeSharp.ControllerManager.Tests.Controllers.Deployment.RollingMathTests;

namespace KubeSharp.ControllerManager.Tests.Controllers.Deployment;

public sealed class RevisionsTests
{
    [Fact]
    public void A_new_replica_set_gets_the_revision_replica_annotations_and_the_deployment_annotations_but_not_skipped_ones()
    {
        var d = NewDeployment(4, "25%", "25%");
        d.Metadata.Annotations = new Dictionary<string, string>
        {
            ["kubernetes.io/change-cause"] = "image v2",
            ["kubectl.kubernetes.io/last-applied-configuration"] = "{}",
            ["deployment.kubernetes.io/revision"] = "7",
        };
        var rs = Rs("new", 0);
        Assert.True(Revisions.SetNewReplicaSetAnnotations(d, rs, 3, exists: false));
        Assert.Equal(new Dictionary<string, string>
        {
            ["kubernetes.io/change-cause"] = "image v2",
            ["deployment.kubernetes.io/revision"] = "3",
            ["deployment.kubernetes.io/desired-replicas"] = "4",
            ["deployment.kubernetes.io/max-replicas"] = "5",
        }, rs.Metadata.Annotations);
        Assert.False(Revisions.SetNewReplicaSetAnnotations(d, rs, 3, exists: true));
    }

    [Fact]
    public void A_replica_set_made_new_again_keeps_its_old_revisions_in_history()
    {
        var d = NewDeployment(1, 1, 0);
        var rs = Rs("back", 0);
        rs.Metadata.Annotations["deployment.kubernetes.io/revision"] = "1";
        Assert.True(Revisions.SetNewReplicaSetAnnotations(d, rs, 3, exists: true));
        Assert.Equal("3", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/revision-history"]);
        Revisions.SetNewReplicaSetAnnotations(d, rs, 5, exists: true);
        Assert.Equal("1,3", rs.Metadata.Annotations["deployment.kubernetes.io/revision-history"]);
        // A lower revision never replaces a higher one.
        Assert.False(Revisions.SetNewReplicaSetAnnotations(d, rs, 4, exists: true));
        Assert.Equal("5", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
    }

    [Fact]
    public void Max_revision_ignores_missing_and_malformed_annotations()
    {
        var a = Rs("a", 0);
        a.Metadata.Annotations["deployment.kubernetes.io/revision"] = "4";
        var b = Rs("b", 0);
        b.Metadata.Annotations["deployment.kubernetes.io/revision"] = "x";
        Assert.Equal(4, Revisions.Max([a, b, Rs("c", 0)]));
        Assert.Equal(0, Revisions.Max([]));
    }

    [Fact]
    public void Status_marks_minimum_availability_from_replica_set_counts()
    {
        var d = NewDeployment(4, 1, 1);
        d.Metadata.Generation = 3;
        var now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var oldRs = Rs("old", 2, available: 2);
        var newRs = Rs("new", 3, available: 1);
        newRs.Status.ReadyReplicas = 1;
        var status = DeploymentStatusMath.Calculate([oldRs, newRs], newRs, d, now);
        Assert.Equal((5, 3, 1, 3, 2, 3L), (status.Replicas, status.UpdatedReplicas, status.ReadyReplicas, status.AvailableReplicas,
            status.UnavailableReplicas, status.ObservedGeneration));
        var available = Assert.Single(status.Conditions);
        Assert.Equal(("Available", "True", "MinimumReplicasAvailable"), (available.Type, available.Status, available.Reason));

        oldRs.Status.AvailableReplicas = 1;
        var low = DeploymentStatusMath.Calculate([oldRs, newRs], newRs, d, now);
        Assert.Equal(("False", "MinimumReplicasUnavailable"), (low.Conditions[0].Status, low.Conditions[0].Reason));
    }
}
