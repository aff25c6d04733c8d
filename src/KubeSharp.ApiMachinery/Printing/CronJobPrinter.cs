using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>CronJobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS IMAGES SELECTOR.</summary>
internal static class CronJobPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1CronJob>(
    [
        Columns.Name(),
        Columns.Of<V1CronJobSpec>("Schedule", Columns.String, "schedule"),
        Columns.Of<V1CronJobSpec>("Timezone", Columns.String, "timeZone"),
        Columns.Of<V1CronJobSpec>("Suspend", Columns.Boolean, "suspend"),
        Columns.Of<V1CronJobStatus>("Active", Columns.Integer, "active"),
        Columns.Of<V1CronJobStatus>("Last Schedule", Columns.String, "lastScheduleTime"),
        Columns.Age(),
        Columns.Containers(),
        Columns.Images(),
        Columns.Of<V1JobSpec>("Selector", Columns.String, "selector", 1),
    ], Cells);

    private static object?[] Cells(V1CronJob cronJob, DateTime now)
    {
        var spec = cronJob.Spec;
        var jobSpec = spec?.JobTemplate?.Spec;
        var (names, images) = Cell.Containers(jobSpec?.Template?.Spec?.Containers);
        var last = cronJob.Status?.LastScheduleTime;
        return
        [
            Cell.Name(cronJob.Metadata),
            spec?.Schedule ?? "",
            Cell.OrNone(spec?.TimeZone),
            // printBoolPtr: "<unset>" for nil, else "True"/"False" (a string, despite the boolean column type).
            spec?.Suspend is { } suspend ? (suspend ? "True" : "False") : Cell.Unset,
            Cell.Int(cronJob.Status?.Active?.Count ?? 0),
            last is null ? Cell.None : Cell.Age(last, now),
            Cell.Age(cronJob.Metadata, now),
            names,
            images,
            LabelFormat.Selector(jobSpec?.Selector),
        ];
    }
}
