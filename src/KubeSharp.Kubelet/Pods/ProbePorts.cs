using k8s.Models;

namespace KubeSharp.Kubelet.Pods;

/// <summary>Helpers shared by probes and lifecycle hooks.</summary>
internal static class ProbePorts
{
    /// <summary>A probe or hook port: a number, or the name of one of the container's ports.</summary>
    public static int ResolvePort(IntOrString port, V1Container? container)
    {
        var text = port.Value ?? "";
        if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number)) return number;
        var named = container?.Ports?.FirstOrDefault(p => p.Name == text);
        return named?.ContainerPort ?? throw new InvalidOperationException($"port \"{text}\" is not a port of container {container?.Name}");
    }
}
