using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's SetDefaults_LimitRangeItem, for Container items only: default limit ← max, then default request ←
/// default limit, then default request ← min, each only where the key is still missing.
/// </summary>
public static class LimitRangeDefaults
{
    public static void Apply(V1LimitRange limitRange)
    {
        foreach (var item in limitRange.Spec?.Limits ?? [])
        {
            if (item.Type != "Container")
            {
                continue;
            }
            item.DefaultProperty ??= new Dictionary<string, ResourceQuantity>();
            item.DefaultRequest ??= new Dictionary<string, ResourceQuantity>();
            CopyMissing(item.Max, item.DefaultProperty);
            CopyMissing(item.DefaultProperty, item.DefaultRequest);
            CopyMissing(item.Min, item.DefaultRequest);
        }
    }

    private static void CopyMissing(IDictionary<string, ResourceQuantity>? from, IDictionary<string, ResourceQuantity> to)
    {
        foreach (var (name, quantity) in from ?? new Dictionary<string, ResourceQuantity>())
        {
            if (!to.ContainsKey(name))
            {
                to[name] = new ResourceQuantity(quantity.ToString());
            }
        }
    }
}
