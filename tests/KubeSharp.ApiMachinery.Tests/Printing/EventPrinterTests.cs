using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class EventPrinterTests
{
    private static readonly ITablePrinter _core = TablePrinters.For(typeof(Corev1Event));

    [Fact]
    public void Columns_match_upstream_order_and_priorities()
    {
        Assert.Equal(["Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"],
            _core.Columns.Select(c => c.Name));
        Assert.Equal([0, 0, 0, 0, 1, 1, 0, 1, 1, 1], _core.Columns.Select(c => c.Priority));
        Assert.Equal("name", _core.Columns[9].Format);
    }

    [Fact]
    public void Classic_event_row()
    {
        var e = new Corev1Event
        {
            Metadata = Meta("web.17a"),
            FirstTimestamp = Ago(TimeSpan.FromMinutes(5)),
            LastTimestamp = Ago(TimeSpan.FromSeconds(30)),
            Count = 4,
            Type = "Normal",
            Reason = "Pulled",
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "web", FieldPath = "spec.containers{nginx}" },
            Source = new V1EventSource { Component = "kubelet", Host = "node-1" },
            Message = "  Container image pulled \n",
        };
        Assert.Equal(["30s", "Normal", "Pulled", "pod/web", "spec.containers{nginx}", "kubelet, node-1", "Container image pulled", "5m", 4L, "web.17a"],
            _core.Cells(e, Now));
    }

    [Fact]
    public void New_style_event_uses_event_time_series_and_reporting_controller()
    {
        var e = new Corev1Event
        {
            Metadata = Meta("x"),
            EventTime = Ago(TimeSpan.FromMinutes(3)),
            Type = "Warning",
            Reason = "FailedScheduling",
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "p" },
            ReportingComponent = "default-scheduler",
            Message = "0/1 nodes are available",
        };
        var cells = _core.Cells(e, Now);
        Assert.Equal(["3m", "default-scheduler", "3m", 1L], [cells[0], cells[5], cells[7], cells[8]]);

        e.Series = new Corev1EventSeries { Count = 7, LastObservedTime = Ago(TimeSpan.FromSeconds(20)) };
        cells = _core.Cells(e, Now);
        Assert.Equal(["20s", 7L], [cells[0], cells[8]]);
    }

    [Fact]
    public void Object_without_name_is_just_the_kind()
    {
        var e = new Corev1Event { Metadata = Meta("x"), InvolvedObject = new V1ObjectReference { Kind = "Node" } };
        var cells = _core.Cells(e, Now);
        Assert.Equal(["<unknown>", "node"], [cells[0], cells[3]]);
    }

    [Fact]
    public void Events_k8s_io_event_prints_like_the_core_event()
    {
        var e = new Eventsv1Event
        {
            Metadata = Meta("x"),
            EventTime = Ago(TimeSpan.FromSeconds(50)),
            Type = "Normal",
            Reason = "Scheduled",
            Regarding = new V1ObjectReference { Kind = "Pod", Name = "p" },
            Note = "Successfully assigned default/p to node-1",
            ReportingController = "default-scheduler",
            ReportingInstance = "sched-1",
        };
        Assert.Equal(["50s", "Normal", "Scheduled", "pod/p", "", "default-scheduler, sched-1", "Successfully assigned default/p to node-1", "50s", 1L, "x"],
            TablePrinters.For(typeof(Eventsv1Event)).Cells(e, Now));
    }
}
