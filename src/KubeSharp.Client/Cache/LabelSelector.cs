using k8s.Models;

namespace KubeSharp.Client.Cache;

/// <summary>
/// A label selector evaluated on the client (listers, controllers matching their pods): the set-based
/// requirements of metav1.LabelSelector. All requirements must hold; an empty selector matches everything,
/// and <see cref="Nothing"/> matches nothing (upstream's conversion of a nil selector in some controllers).
/// </summary>
public sealed class LabelSelector
{
    private readonly LabelRequirement[] _requirements;
    private readonly bool _matchesNothing;

    private LabelSelector(LabelRequirement[] requirements, bool matchesNothing)
    {
        _requirements = requirements;
        _matchesNothing = matchesNothing;
    }

    public static LabelSelector Everything { get; } = new([], false);

    public static LabelSelector Nothing { get; } = new([], true);

    public bool IsEmpty => _requirements.Length == 0 && !_matchesNothing;

    /// <summary>Equality on every pair (a ReplicationController's or Service's selector).</summary>
    public static LabelSelector FromLabels(IDictionary<string, string>? labels) =>
        labels == null || labels.Count == 0
            ? Everything
            : new(labels.Select(kv => new LabelRequirement(kv.Key, LabelOperator.In, [kv.Value])).ToArray(), false);

    /// <summary>metav1.LabelSelector; throws on an unknown operator, as upstream's LabelSelectorAsSelector does.</summary>
    public static LabelSelector FromV1(V1LabelSelector? selector)
    {
        if (selector == null) return Nothing;
        var reqs = new List<LabelRequirement>();
        if (selector.MatchLabels != null)
        {
            reqs.AddRange(selector.MatchLabels.Select(kv => new LabelRequirement(kv.Key, LabelOperator.In, [kv.Value])));
        }
        foreach (var e in selector.MatchExpressions ?? [])
        {
            var op = e.OperatorProperty switch
            {
                "In" => LabelOperator.In,
                "NotIn" => LabelOperator.NotIn,
                "Exists" => LabelOperator.Exists,
                "DoesNotExist" => LabelOperator.DoesNotExist,
                _ => throw new ArgumentException($"{e.OperatorProperty} is not a valid label selector operator"),
            };
            reqs.Add(new LabelRequirement(e.Key, op, e.Values?.ToArray() ?? []));
        }
        return new LabelSelector(reqs.ToArray(), false);
    }

    public bool Matches(IDictionary<string, string>? labels)
    {
        if (_matchesNothing) return false;
        foreach (var r in _requirements)
        {
            if (!r.Matches(labels)) return false;
        }
        return true;
    }

    /// <summary>The selector in the API's string syntax, for labelSelector= on list/watch.</summary>
    public override string ToString() => string.Join(',', _requirements.Select(r => r.ToString()));
}
