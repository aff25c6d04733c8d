using k8s.Models;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>
/// Arithmetic on resource lists (name → quantity), as upstream's quota helpers do it: exact decimal values, and a
/// result keeps the format (DecimalSI, BinarySI) of the quantity it started from, so "1Gi" + "512Mi" prints "1536Mi".
/// </summary>
public static class ResourceLists
{
    public static Dictionary<string, ResourceQuantity> Empty() => new(StringComparer.Ordinal);

    public static decimal ValueOf(ResourceQuantity? q) => Quantities.Value(q) ?? 0m;

    public static ResourceQuantity Quantity(decimal value, ResourceQuantity.SuffixFormat format = ResourceQuantity.SuffixFormat.DecimalSI) =>
        new(value, 0, format);

    public static ResourceQuantity Copy(ResourceQuantity q) => Quantity(ValueOf(q), q.Format);

    /// <summary>a + b; keys of either side.</summary>
    public static Dictionary<string, ResourceQuantity> Add(IDictionary<string, ResourceQuantity>? a, IDictionary<string, ResourceQuantity>? b)
    {
        var result = Empty();
        foreach (var (k, v) in a ?? Empty()) result[k] = Copy(v);
        foreach (var (k, v) in b ?? Empty())
        {
            // As Go's Quantity.Add: a zero quantity takes the format of what is added to it.
            result[k] = result.TryGetValue(k, out var have)
                ? Quantity(ValueOf(have) + ValueOf(v), ValueOf(have) == 0 ? v.Format : have.Format)
                : Copy(v);
        }
        return result;
    }

    /// <summary>a − b, never below zero; keys of either side (upstream's SubtractWithNonNegativeResult).</summary>
    public static Dictionary<string, ResourceQuantity> SubtractNonNegative(IDictionary<string, ResourceQuantity>? a, IDictionary<string, ResourceQuantity>? b)
    {
        var result = Empty();
        foreach (var (k, v) in a ?? Empty())
        {
            var value = ValueOf(v) - (b != null && b.TryGetValue(k, out var other) ? ValueOf(other) : 0m);
            result[k] = value > 0 ? Quantity(value, v.Format) : Quantity(0);
        }
        foreach (var k in (b ?? Empty()).Keys)
        {
            if (!result.ContainsKey(k)) result[k] = Quantity(0);
        }
        return result;
    }

    /// <summary>Only the entries whose names are in <paramref name="names"/>.</summary>
    public static Dictionary<string, ResourceQuantity> Mask(IDictionary<string, ResourceQuantity>? a, IEnumerable<string> names)
    {
        var result = Empty();
        if (a == null) return result;
        foreach (var name in names)
        {
            if (a.TryGetValue(name, out var v)) result[name] = Copy(v);
        }
        return result;
    }

    public static Dictionary<string, ResourceQuantity> RemoveZeros(IDictionary<string, ResourceQuantity> a)
    {
        var result = Empty();
        foreach (var (k, v) in a)
        {
            if (ValueOf(v) != 0) result[k] = v;
        }
        return result;
    }

    public static List<string> Negative(IDictionary<string, ResourceQuantity> a) =>
        a.Where(e => ValueOf(e.Value) < 0).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The names where a exceeds b (names missing from either side are not compared).</summary>
    public static List<string> Exceeding(IDictionary<string, ResourceQuantity> a, IDictionary<string, ResourceQuantity>? b)
    {
        var exceeded = new List<string>();
        foreach (var (k, limit) in b ?? Empty())
        {
            if (a.TryGetValue(k, out var v) && ValueOf(v) > ValueOf(limit)) exceeded.Add(k);
        }
        exceeded.Sort(StringComparer.Ordinal);
        return exceeded;
    }

    /// <summary>Same names with equal values (formats may differ).</summary>
    public static bool Equal(IDictionary<string, ResourceQuantity>? a, IDictionary<string, ResourceQuantity>? b)
    {
        a ??= Empty();
        b ??= Empty();
        if (a.Count != b.Count) return false;
        foreach (var (k, v) in a)
        {
            if (!b.TryGetValue(k, out var other) || ValueOf(v) != ValueOf(other)) return false;
        }
        return true;
    }

    /// <summary>"name=value,name=value" sorted by name (upstream's prettyPrint in quota admission).</summary>
    public static string PrettyPrint(IDictionary<string, ResourceQuantity> a) =>
        string.Join(",", a.Keys.Order(StringComparer.Ordinal).Select(k => k + "=" + Quantities.Format(a[k])));
}
