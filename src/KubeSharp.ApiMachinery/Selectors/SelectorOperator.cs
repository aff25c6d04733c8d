namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>The operators of upstream's <c>selection.Operator</c> that label and field selectors use.</summary>
public enum SelectorOperator
{
    Equals,
    DoubleEquals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}
