namespace KubeSharp.Client.Cache;

/// <summary>One requirement of a <see cref="LabelSelector"/>; equality is In with one value.</summary>
public sealed record LabelRequirement(string Key, LabelOperator Operator, string[] Values)
{
    public bool Matches(IDictionary<string, string>? labels)
    {
        string? value = null;
        var has = labels != null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            LabelOperator.In => has && Array.IndexOf(Values, value) >= 0,
            // Upstream: NotIn matches objects that lack the label altogether.
            LabelOperator.NotIn => !has || Array.IndexOf(Values, value) < 0,
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            _ => false,
        };
    }

    public override string ToString() => Operator switch
    {
        LabelOperator.In when Values.Length == 1 => $"{Key}={Values[0]}",
        LabelOperator.In => $"{Key} in ({string.Join(',', Values)})",
        LabelOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
        LabelOperator.Exists => Key,
        _ => "!" + Key,
    };
}
