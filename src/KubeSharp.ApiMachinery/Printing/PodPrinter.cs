using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Pods: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES (upstream printPod).</summary>
internal static class PodPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1Pod>(
    [
        Columns.Name(),
        Columns.Text("Ready", Columns.String, "The aggregate readiness state of this pod for accepting traffic."),
        Columns.Text("Status", Columns.String, "The aggregate status of the containers in this pod."),
        Columns.Text("Restarts", Columns.String,
            "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        Columns.Age(),
        Columns.Of<V1PodStatus>("IP", Columns.String, "podIP", 1),
        Columns.Of<V1PodSpec>("Node", Columns.String, "nodeName", 1),
        Columns.Of<V1PodStatus>("Nominated Node", Columns.String, "nominatedNodeName", 1),
        Columns.Of<V1PodSpec>("Readiness Gates", Columns.String, "readinessGates", 1),
    ], Cells);

    private static object?[] Cells(V1Pod pod, DateTime now)
    {
        var summary = PodStatusSummary.Compute(pod);
        var restarts = summary.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (summary.Restarts != 0 && summary.LastRestart is { } last && last != default)
        {
            restarts = $"{summary.Restarts} ({Cell.Age(last, now)} ago)";
        }
        var status = pod.Status;
        // Upstream prints the internal object, whose podIPs the v1 conversion fills from podIP when empty.
        var podIP = status?.PodIPs is { Count: > 0 } ips ? ips[0].Ip : status?.PodIP;
        return
        [
            Cell.Name(pod.Metadata),
            $"{summary.ReadyContainers}/{summary.TotalContainers}",
            summary.Reason,
            restarts,
            Cell.Age(pod.Metadata, now),
            Cell.OrNone(podIP),
            Cell.OrNone(pod.Spec?.NodeName),
            Cell.OrNone(status?.NominatedNodeName),
            ReadinessGates(pod),
        ];
    }

    private static string ReadinessGates(V1Pod pod)
    {
        var gates = pod.Spec?.ReadinessGates;
        if (gates is null || gates.Count == 0)
        {
            return Cell.None;
        }
        var trueConditions = 0;
        var conditions = pod.Status?.Conditions;
        foreach (var gate in gates)
        {
            if (conditions is null)
            {
                break;
            }
            foreach (var condition in conditions)
            {
                if (condition.Type == gate.ConditionType)
                {
                    if (condition.Status == "True")
                    {
                        trueConditions++;
                    }
                    break;
                }
            }
        }
        return $"{trueConditions}/{gates.Count}";
    }
}
