using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Http;
using KubeSharp.ApiServer.Registry;

namespace KubeSharp.ApiServer.Cache;

/// <summary>Namespace + label selector + field selector, as one filter for lists and watches.</summary>
public sealed class SelectorFilter : IObjectFilter
{
    private readonly string? _namespace;
    private readonly List<(string Key, string Op, string Value)> _labels = [];
    private readonly List<(string Field, bool Equal, string Value)> _fields = [];

    private SelectorFilter(string? ns) => _namespace = ns;

    public static SelectorFilter Everything { get; } = new(null);

    /// <summary>metadata.name=x, when the field selector pins one name (allows a point lookup).</summary>
    public string? ExactName { get; private set; }

    public bool HasSelectors => _labels.Count > 0 || _fields.Count > 0;

    public static SelectorFilter Create(ResourceInfo resource, string? ns, string? labelSelector, string? fieldSelector)
    {
        var f = new SelectorFilter(ns);
        if (!string.IsNullOrWhiteSpace(labelSelector))
        {
            foreach (var part in labelSelector.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Contains("!=")) { var kv = part.Split("!=", 2); f._labels.Add((kv[0].Trim(), "!=", kv[1].Trim())); }
                else if (part.Contains("==")) { var kv = part.Split("==", 2); f._labels.Add((kv[0].Trim(), "=", kv[1].Trim())); }
                else if (part.Contains('=')) { var kv = part.Split('=', 2); f._labels.Add((kv[0].Trim(), "=", kv[1].Trim())); }
                else if (part.StartsWith('!')) f._labels.Add((part[1..].Trim(), "!", ""));
                else if (part.Contains(' ') || part.Contains('(')) throw Errors.BadRequest($"unable to parse requirement: {part}");
                else f._labels.Add((part, "exists", ""));
            }
        }
        if (!string.IsNullOrWhiteSpace(fieldSelector))
        {
            var supported = SelectableFields.Supported(resource);
            foreach (var part in fieldSelector.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                (string, bool, string) req;
                if (part.Contains("!=")) { var kv = part.Split("!=", 2); req = (kv[0], false, kv[1]); }
                else if (part.Contains("==")) { var kv = part.Split("==", 2); req = (kv[0], true, kv[1]); }
                else if (part.Contains('=')) { var kv = part.Split('=', 2); req = (kv[0], true, kv[1]); }
                else throw Errors.BadRequest($"invalid selector: '{fieldSelector}'; can't understand '{part}'");
                if (req.Item1 is not ("metadata.name" or "metadata.namespace") && !supported.Contains(req.Item1))
                {
                    throw Errors.BadRequest($"field label not supported: {req.Item1}");
                }
                if (req.Item1 == "metadata.name" && req.Item2) f.ExactName = req.Item3;
                f._fields.Add(req);
            }
        }
        return f;
    }

    public bool Matches(CachedObject obj)
    {
        if (_namespace != null && obj.Namespace != _namespace) return false;
        foreach (var (key, op, value) in _labels)
        {
            string? actual = null;
            var has = obj.Labels != null && obj.Labels.TryGetValue(key, out actual);
            switch (op)
            {
                case "=": if (!has || actual != value) return false; break;
                case "!=": if (has && actual == value) return false; break;
                case "exists": if (!has) return false; break;
                case "!": if (has) return false; break;
            }
        }
        foreach (var (field, equal, value) in _fields)
        {
            var actual = obj.GetField(field) ?? "";
            if ((actual == value) != equal) return false;
        }
        return true;
    }
}
