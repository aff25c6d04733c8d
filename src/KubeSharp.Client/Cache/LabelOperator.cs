namespace KubeSharp.Client.Cache;

public enum LabelOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
