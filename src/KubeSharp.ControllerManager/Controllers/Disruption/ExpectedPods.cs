using System.Globalization;
using k8s.Models;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.Disruption;

/// <summary>How many pods a budget expects and how many must stay healthy, or why that could not be worked out.</summary>
internal sealed record ExpectedPods(int Expected, int DesiredHealthy, IReadOnlyList<string> UnmanagedPods, string? Error = null);

/// <summary>
/// Upstream's getExpectedPodCount: an integer minAvailable is absolute and expects the matching pods; a percentage
/// minAvailable or any maxUnavailable is taken of the summed scale of the pods' controllers (percentages round
/// up, as intstr.GetScaledValueFromIntOrPercent(…, true)). With neither set nothing is expected or required.
/// </summary>
internal static class ExpectedPodsCalculator
{
    public static ExpectedPods Compute(V1PodDisruptionBudget pdb, IReadOnlyList<V1Pod> pods, IControllerScales scales)
    {
        var spec = pdb.Spec ?? new V1PodDisruptionBudgetSpec();
        if (spec.MaxUnavailable is { } maxUnavailable)
        {
            var (expected, unmanaged, error) = ExpectedScale(pdb, pods, scales);
            if (error != null) return new ExpectedPods(0, 0, unmanaged, error);
            if (!TryScale(maxUnavailable, expected, out var allowed, out error)) return new ExpectedPods(0, 0, unmanaged, error);
            return new ExpectedPods(expected, Math.Max(0, expected - allowed), unmanaged);
        }
        if (spec.MinAvailable is { } minAvailable)
        {
            if (IsInt(minAvailable, out var absolute)) return new ExpectedPods(pods.Count, absolute, []);
            var (expected, unmanaged, error) = ExpectedScale(pdb, pods, scales);
            if (error != null) return new ExpectedPods(0, 0, unmanaged, error);
            if (!TryScale(minAvailable, expected, out var desired, out error)) return new ExpectedPods(0, 0, unmanaged, error);
            return new ExpectedPods(expected, desired, unmanaged);
        }
        return new ExpectedPods(0, 0, []);
    }

    /// <summary>
    /// Upstream's getExpectedScale: the sum of the scales of the pods' controllers, each counted once. Pods without
    /// a controller are reported as unmanaged and not counted; a controller no finder knows is an error.
    /// </summary>
    private static (int Expected, List<string> Unmanaged, string? Error) ExpectedScale(
        V1PodDisruptionBudget pdb, IReadOnlyList<V1Pod> pods, IControllerScales scales)
    {
        var unmanaged = new List<string>();
        var seenRefs = new HashSet<string>(StringComparer.Ordinal);
        var byController = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var controllerRef = PodState.ControllerOf(pod.Metadata);
            if (controllerRef == null)
            {
                unmanaged.Add(pod.Metadata.Name);
                continue;
            }
            if (!seenRefs.Add(controllerRef.Uid)) continue;
            if (scales.Find(pdb.Metadata.NamespaceProperty, controllerRef) is not { } scale)
            {
                return (0, unmanaged, $"found no controllers for pod \"{pod.Metadata.Name}\"");
            }
            byController[scale.Uid] = scale.Replicas;
        }
        var expected = 0;
        foreach (var replicas in byController.Values) expected += replicas;
        return (expected, unmanaged, null);
    }

    private static bool IsInt(IntOrString value, out int number) =>
        int.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    /// <summary>intstr.GetScaledValueFromIntOrPercent with roundUp: an int as is, "N%" of total rounded up.</summary>
    internal static bool TryScale(IntOrString value, int total, out int result, out string? error)
    {
        error = null;
        if (IsInt(value, out result)) return true;
        var text = value.Value ?? "";
        if (!text.EndsWith('%') || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            error = $"invalid value for IntOrString: invalid type: string is not a percentage";
            return false;
        }
        result = (int)Math.Ceiling((double)percent * total / 100);
        return true;
    }
}
