using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.Fake;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Tests.Cri;

public sealed class InstrumentedRuntimeServiceTests
{
    [Fact]
    public async Task Calls_are_counted_by_upstream_operation_type_and_shown_as_kubelet_runtime_operations_total()
    {
        var fake = new FakeRuntime();
        var counted = new InstrumentedRuntimeService(fake, fake);
        await counted.ListContainersAsync(null, CancellationToken.None);
        await counted.ListContainersAsync(null, CancellationToken.None);
        await counted.PodSandboxStatusAsync("missing", CancellationToken.None);
        await counted.ImageStatusAsync(new ImageSpec { Image = "busybox" }, CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["image_status"] = 1, ["list_containers"] = 2, ["podsandbox_status"] = 1 }, counted.Operations);
        Assert.Equal(
            "# HELP kubelet_runtime_operations_total [ALPHA] Cumulative number of runtime operations by operation type.\n" +
            "# TYPE kubelet_runtime_operations_total counter\n" +
            "kubelet_runtime_operations_total{operation_type=\"image_status\"} 1\n" +
            "kubelet_runtime_operations_total{operation_type=\"list_containers\"} 2\n" +
            "kubelet_runtime_operations_total{operation_type=\"podsandbox_status\"} 1\n",
            InstrumentedRuntimeService.ToPrometheus(counted.Operations));
    }
}
