namespace KubeSharp.ApiMachinery.Patch;

/// <summary>The strategic-merge-patch directive keys and values upstream defines (and kubectl sends).</summary>
internal static class PatchDirectives
{
    internal const string Patch = "$patch";
    internal const string Replace = "replace";
    internal const string Delete = "delete";
    internal const string Merge = "merge";
    internal const string RetainKeys = "$retainKeys";
    internal const string SetElementOrderPrefix = "$setElementOrder/";
    internal const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
}
