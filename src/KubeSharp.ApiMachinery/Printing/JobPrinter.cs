using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Jobs: NAME STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR.</summary>
internal static class JobPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1Job>(
    [
        Columns.Name(),
        Columns.Text("Status", Columns.String, "Status of the job."),
        Columns.Of<V1JobStatus>("Completions", Columns.String, "succeeded"),
        Columns.Text("Duration", Columns.String, "Time required to complete the job."),
        Columns.Age(),
        Columns.Containers(),
        Columns.Images(),
        Columns.Of<V1JobSpec>("Selector", Columns.String, "selector", 1),
    ], Cells);

    private static object?[] Cells(V1Job job, DateTime now)
    {
        var spec = job.Spec;
        var status = job.Status;
        var (names, images) = Cell.Containers(spec?.Template?.Spec?.Containers);
        return
        [
            Cell.Name(job.Metadata),
            Status(job),
            Completions(spec, status?.Succeeded ?? 0),
            Duration(status, now),
            Cell.Age(job.Metadata, now),
            names,
            images,
            LabelFormat.Selector(spec?.Selector),
        ];
    }

    private static string Completions(V1JobSpec? spec, int succeeded)
    {
        if (spec?.Completions is { } completions)
        {
            return $"{succeeded}/{completions}";
        }
        var parallelism = spec?.Parallelism ?? 0;
        return parallelism > 1 ? $"{succeeded}/1 of {parallelism}" : $"{succeeded}/1";
    }

    // Running jobs count from startTime to now; finished ones from startTime to completionTime.
    private static string Duration(V1JobStatus? status, DateTime now)
    {
        if (status?.StartTime is not { } start)
        {
            return "";
        }
        var end = status.CompletionTime ?? now;
        return HumanDuration.Format(Cell.Utc(end) - Cell.Utc(start));
    }

    private static string Status(V1Job job)
    {
        var conditions = job.Status?.Conditions;
        if (HasCondition(conditions, "Complete"))
        {
            return "Complete";
        }
        if (HasCondition(conditions, "Failed"))
        {
            return "Failed";
        }
        if (job.Metadata?.DeletionTimestamp is not null)
        {
            return "Terminating";
        }
        if (HasCondition(conditions, "Suspended"))
        {
            return "Suspended";
        }
        if (HasCondition(conditions, "FailureTarget"))
        {
            return "FailureTarget";
        }
        return "Running";
    }

    // Upstream looks at the first condition of the type only.
    private static bool HasCondition(IList<V1JobCondition>? conditions, string type)
    {
        if (conditions is null)
        {
            return false;
        }
        foreach (var condition in conditions)
        {
            if (condition.Type == type)
            {
                return condition.Status == "True";
            }
        }
        return false;
    }
}
