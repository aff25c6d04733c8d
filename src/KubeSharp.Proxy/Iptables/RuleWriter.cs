using System.Text;

namespace KubeSharp.Proxy.Iptables;

/// <summary>
/// Collects rules per chain while rendering: the top-level nat chains, the filter chains and the per-object nat
/// chains, each as "-A chain rule" lines in order, so a chain's text can be compared with the previous sync's.
/// </summary>
internal sealed class RuleWriter(RenderOptions options)
{
    private readonly Dictionary<string, StringBuilder> _objects = new(StringComparer.Ordinal);

    public RenderOptions Options { get; } = options;
    public ChainNames Chains => Options.Chains;
    public Dictionary<string, StringBuilder> TopNat { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, StringBuilder> Filters { get; } = new(StringComparer.Ordinal);
    public int RuleCount { get; private set; }

    /// <summary>A nat rule; chains other than the fixed ones are object chains.</summary>
    public void Nat(string chain, string rule)
    {
        var c = Chains;
        var target = chain == c.Services || chain == c.NodePorts || chain == c.Postrouting || chain == c.MarkMasq ? TopNat : _objects;
        Append(target, chain, rule);
    }

    public void Filter(string chain, string rule) => Append(Filters, chain, rule);

    /// <summary>Starts an object chain that may stay empty; false when it was started already (shared endpoint chains).</summary>
    public bool Open(string chain)
    {
        if (_objects.ContainsKey(chain)) return false;
        _objects[chain] = new StringBuilder();
        return true;
    }

    public Dictionary<string, string> ObjectChains()
    {
        var result = new Dictionary<string, string>(_objects.Count, StringComparer.Ordinal);
        foreach (var (chain, body) in _objects) result[chain] = body.ToString();
        return result;
    }

    private void Append(Dictionary<string, StringBuilder> target, string chain, string rule)
    {
        if (!target.TryGetValue(chain, out var sb)) target[chain] = sb = new StringBuilder();
        sb.Append("-A ").Append(chain).Append(' ').Append(rule).Append('\n');
        RuleCount++;
    }
}
