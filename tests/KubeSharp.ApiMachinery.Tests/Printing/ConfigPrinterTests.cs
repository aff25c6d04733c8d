using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class ConfigPrinterTests
{
    [Fact]
    public void ConfigMap_counts_data_and_binary_data()
    {
        var cm = new V1ConfigMap
        {
            Metadata = Meta("cfg"),
            Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            BinaryData = new Dictionary<string, byte[]> { ["c"] = [1] },
        };
        Assert.Equal(["cfg", 3L, "14s"], TablePrinters.For(typeof(V1ConfigMap)).Cells(cm, Now));
    }

    [Fact]
    public void Secret_type_and_data_count()
    {
        var secret = new V1Secret { Metadata = Meta("s"), Type = "Opaque", Data = new Dictionary<string, byte[]> { ["k"] = [1] } };
        Assert.Equal(["s", "Opaque", 1L, "14s"], TablePrinters.For(typeof(V1Secret)).Cells(secret, Now));
    }

    [Fact]
    public void ServiceAccount_counts_secrets() =>
        Assert.Equal(["default", 0L, "14s"], TablePrinters.For(typeof(V1ServiceAccount)).Cells(new V1ServiceAccount { Metadata = Meta("default") }, Now));

    [Fact]
    public void Namespace_phase() =>
        Assert.Equal(["kube-system", "Active", "14s"],
            TablePrinters.For(typeof(V1Namespace)).Cells(new V1Namespace { Metadata = Meta("kube-system"), Status = new V1NamespaceStatus { Phase = "Active" } }, Now));

    [Fact]
    public void Lease_holder() =>
        Assert.Equal(["kube-scheduler", "node-1_abc", "14s"],
            TablePrinters.For(typeof(V1Lease)).Cells(new V1Lease { Metadata = Meta("kube-scheduler"), Spec = new V1LeaseSpec { HolderIdentity = "node-1_abc" } }, Now));

    [Fact]
    public void PriorityClass_value_and_default()
    {
        var pc = new V1PriorityClass { Metadata = Meta("system-cluster-critical"), Value = 2000000000, GlobalDefault = false, PreemptionPolicy = "PreemptLowerPriority" };
        Assert.Equal(["system-cluster-critical", 2000000000L, false, "14s", "PreemptLowerPriority"], TablePrinters.For(typeof(V1PriorityClass)).Cells(pc, Now));
    }

    [Fact]
    public void ResourceQuota_splits_requests_and_limits()
    {
        var quota = new V1ResourceQuota
        {
            Metadata = Meta("q"),
            Status = new V1ResourceQuotaStatus
            {
                Hard = new Dictionary<string, ResourceQuantity>
                {
                    ["pods"] = new("10"), ["limits.memory"] = new("2Gi"), ["requests.cpu"] = new("1"), ["limits.cpu"] = new("2"),
                },
                Used = new Dictionary<string, ResourceQuantity> { ["pods"] = new("3"), ["requests.cpu"] = new("500m") },
            },
        };
        Assert.Equal(["q", "pods: 3/10, requests.cpu: 500m/1", "limits.cpu: 0/2, limits.memory: 0/2Gi", "14s"],
            TablePrinters.For(typeof(V1ResourceQuota)).Cells(quota, Now));
    }

    [Fact]
    public void PersistentVolume_row()
    {
        var pv = new V1PersistentVolume
        {
            Metadata = Meta("pv1"),
            Spec = new V1PersistentVolumeSpec
            {
                Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("5Gi") },
                AccessModes = ["ReadWriteMany", "ReadWriteOnce", "ReadWriteOnce"],
                PersistentVolumeReclaimPolicy = "Retain",
                ClaimRef = new V1ObjectReference { NamespaceProperty = "default", Name = "data" },
                StorageClassName = "standard",
                VolumeMode = "Filesystem",
            },
            Status = new V1PersistentVolumeStatus { Phase = "Bound" },
        };
        Assert.Equal(["pv1", "5Gi", "RWO,RWX", "Retain", "Bound", "default/data", "standard", "<unset>", "", "14s", "Filesystem"],
            TablePrinters.For(typeof(V1PersistentVolume)).Cells(pv, Now));
    }

    [Fact]
    public void PersistentVolumeClaim_capacity_only_when_bound()
    {
        var pvc = new V1PersistentVolumeClaim
        {
            Metadata = Meta("data", deleting: true),
            Spec = new V1PersistentVolumeClaimSpec { StorageClassName = "standard" },
            Status = new V1PersistentVolumeClaimStatus { Phase = "Pending" },
        };
        pvc.Metadata.Annotations = new Dictionary<string, string> { ["volume.beta.kubernetes.io/storage-class"] = "legacy" };
        var printer = TablePrinters.For(typeof(V1PersistentVolumeClaim));
        Assert.Equal(["data", "Terminating", "", "", "", "legacy", "<unset>", "14s", "<unset>"], printer.Cells(pvc, Now));

        pvc.Spec.VolumeName = "pv1";
        pvc.Status.Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") };
        pvc.Status.AccessModes = ["ReadWriteOncePod"];
        Assert.Equal(["pv1", "1Gi", "RWOP"], printer.Cells(pvc, Now)[2..5]);
    }
}
