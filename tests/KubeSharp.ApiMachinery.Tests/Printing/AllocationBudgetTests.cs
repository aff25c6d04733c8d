using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

/// <summary>
/// Tables are printed for lists of 10,000 objects; a row should cost its cell array and the strings it shows.
/// The budget is generous (measured ~190 B for a pod row) so that it only catches regressions such as LINQ or
/// per-row dictionaries creeping into a printer.
/// </summary>
public class AllocationBudgetTests
{
    [Fact]
    public void Pod_rows_stay_within_budget()
    {
        var printer = TablePrinters.For(typeof(V1Pod));
        var pod = new V1Pod
        {
            Metadata = Meta("web-7d9c", TimeSpan.FromMinutes(5)),
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "nginx" }], NodeName = "node-1" },
            Status = new V1PodStatus
            {
                Phase = "Running",
                PodIPs = [new V1PodIP { Ip = "10.244.0.65" }],
                ContainerStatuses = [new V1ContainerStatus { Name = "c", Ready = true, State = new V1ContainerState { Running = new V1ContainerStateRunning() } }],
            },
        };
        for (var i = 0; i < 100; i++)
        {
            printer.Cells(pod, Now);
        }

        const int rows = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rows; i++)
        {
            printer.Cells(pod, Now);
        }
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / rows;
        Assert.True(perRow < 400, $"{perRow} bytes per pod row");
    }
}
