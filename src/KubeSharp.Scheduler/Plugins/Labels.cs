using k8s.Models;

namespace KubeSharp.Scheduler.Plugins;

/// <summary>Label maps as the read-only view ApiMachinery's selectors match against.</summary>
internal static class Labels
{
    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Empty => None;

    public static IReadOnlyDictionary<string, string> Of(IDictionary<string, string>? labels) => labels switch
    {
        null => None,
        IReadOnlyDictionary<string, string> r => r,
        _ => new Dictionary<string, string>(labels, StringComparer.Ordinal),
    };

    public static IReadOnlyDictionary<string, string> Of(V1Pod pod) => Of(pod.Metadata?.Labels);

    public static IReadOnlyDictionary<string, string> Of(V1Node node) => Of(node.Metadata?.Labels);
}
