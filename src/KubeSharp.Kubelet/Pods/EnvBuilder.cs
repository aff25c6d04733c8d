using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// A container's environment as upstream's makeEnvironmentVariables builds it: envFrom first (with prefixes; keys
/// that are not valid variable names are skipped), then env in order with $(VAR) expansion against what is defined
/// so far and the service variables, valueFrom resolved; service variables last, where not already defined.
/// </summary>
internal static partial class EnvBuilder
{
    public sealed record Context(
        V1Pod Pod,
        IReadOnlyList<string> PodIps,
        IReadOnlyList<string> HostIps,
        IReadOnlyList<(string Name, string Value)> ServiceEnv,
        IDictionary<string, ResourceQuantity>? NodeAllocatable,
        IPodObjectSource Objects);

    public static async Task<List<(string Name, string Value)>> BuildAsync(V1Container container, Context context, CancellationToken ct)
    {
        var ns = context.Pod.Metadata.NamespaceProperty;
        var env = new OrderedEnv();
        foreach (var source in container.EnvFrom ?? [])
        {
            var prefix = source.Prefix ?? "";
            if (source.ConfigMapRef is { } cmRef)
            {
                var cm = await context.Objects.GetConfigMapAsync(ns, cmRef.Name, ct);
                if (cm == null)
                {
                    if (cmRef.Optional == true) continue;
                    throw new ContainerConfigException($"configmap \"{cmRef.Name}\" not found");
                }
                foreach (var (key, value) in cm.Data ?? new Dictionary<string, string>())
                {
                    if (IsValidEnvName(prefix + key)) env.Set(prefix + key, value);
                }
            }
            else if (source.SecretRef is { } secretRef)
            {
                var secret = await context.Objects.GetSecretAsync(ns, secretRef.Name, ct);
                if (secret == null)
                {
                    if (secretRef.Optional == true) continue;
                    throw new ContainerConfigException($"secret \"{secretRef.Name}\" not found");
                }
                foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
                {
                    if (IsValidEnvName(prefix + key)) env.Set(prefix + key, Encoding.UTF8.GetString(value));
                }
            }
        }

        var services = context.ServiceEnv.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last().Value);
        string? Lookup(string name) => env.TryGet(name, out var v) ? v : services.GetValueOrDefault(name);

        foreach (var variable in container.Env ?? [])
        {
            if (!string.IsNullOrEmpty(variable.Value))
            {
                env.Set(variable.Name, EnvExpansion.Expand(variable.Value, Lookup));
                continue;
            }
            var from = variable.ValueFrom;
            if (from == null)
            {
                env.Set(variable.Name, "");
                continue;
            }
            var value = await ResolveAsync(variable.Name, from, container, context, ct);
            if (value != null) env.Set(variable.Name, value);
        }
        foreach (var (name, value) in context.ServiceEnv)
        {
            if (!env.TryGet(name, out _)) env.Set(name, value);
        }
        return env.ToList();
    }

    private static async Task<string?> ResolveAsync(string name, V1EnvVarSource from, V1Container container, Context context, CancellationToken ct)
    {
        var ns = context.Pod.Metadata.NamespaceProperty;
        if (from.FieldRef is { } field)
        {
            return PodFields.Field(context.Pod, field.FieldPath, context.PodIps, context.HostIps)
                ?? throw new ContainerConfigException($"unsupported fieldPath \"{field.FieldPath}\" in env var {name}");
        }
        if (from.ResourceFieldRef is { } resource)
        {
            var target = container;
            if (!string.IsNullOrEmpty(resource.ContainerName))
            {
                target = context.Pod.Spec.Containers.Concat(context.Pod.Spec.InitContainers ?? []).FirstOrDefault(c => c.Name == resource.ContainerName)
                    ?? throw new ContainerConfigException($"container \"{resource.ContainerName}\" not found for env var {name}");
            }
            return PodFields.Resource(target, resource, context.NodeAllocatable)
                ?? throw new ContainerConfigException($"unsupported resource \"{resource.Resource}\" in env var {name}");
        }
        if (from.ConfigMapKeyRef is { } cmKey)
        {
            var cm = await context.Objects.GetConfigMapAsync(ns, cmKey.Name, ct);
            if (cm == null)
            {
                if (cmKey.Optional == true) return null;
                throw new ContainerConfigException($"configmap \"{cmKey.Name}\" not found");
            }
            if (cm.Data != null && cm.Data.TryGetValue(cmKey.Key, out var value)) return value;
            if (cmKey.Optional == true) return null;
            throw new ContainerConfigException($"couldn't find key {cmKey.Key} in ConfigMap {ns}/{cmKey.Name}");
        }
        if (from.SecretKeyRef is { } secretKey)
        {
            var secret = await context.Objects.GetSecretAsync(ns, secretKey.Name, ct);
            if (secret == null)
            {
                if (secretKey.Optional == true) return null;
                throw new ContainerConfigException($"secret \"{secretKey.Name}\" not found");
            }
            if (secret.Data != null && secret.Data.TryGetValue(secretKey.Key, out var bytes)) return Encoding.UTF8.GetString(bytes);
            if (secretKey.Optional == true) return null;
            throw new ContainerConfigException($"couldn't find key {secretKey.Key} in Secret {ns}/{secretKey.Name}");
        }
        return "";
    }

    /// <summary>Upstream's IsEnvVarName: printable ASCII except '=' and not starting with a digit.</summary>
    public static bool IsValidEnvName(string name) => EnvName().IsMatch(name);

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvName();

    /// <summary>Variables in definition order; redefining keeps the first position (the value is replaced).</summary>
    private sealed class OrderedEnv
    {
        private readonly List<string> _order = [];
        private readonly Dictionary<string, string> _values = [];

        public void Set(string name, string value)
        {
            if (!_values.ContainsKey(name)) _order.Add(name);
            _values[name] = value;
        }

        public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

        public List<(string, string)> ToList() => _order.Select(n => (n, _values[n])).ToList();
    }
}
