namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>One term of a field selector; <paramref name="Operator"/> is Equals, DoubleEquals or NotEquals.</summary>
public sealed record FieldRequirement(string Field, SelectorOperator Operator, string Value)
{
    /// <summary>Upstream prints <c>=</c> for both <c>=</c> and <c>==</c> and escapes the value.</summary>
    public override string ToString() =>
        Field + (Operator == SelectorOperator.NotEquals ? "!=" : "=") + FieldSelectorEscaping.Escape(Value);

    internal bool Matches(string? actual)
    {
        var equal = string.Equals(actual ?? string.Empty, Value, StringComparison.Ordinal);
        return Operator == SelectorOperator.NotEquals ? !equal : equal;
    }
}
