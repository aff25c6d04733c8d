namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>The value of an x-kubernetes-group-version-kind extension.</summary>
internal readonly record struct GroupVersionKind(string Group, string Version, string Kind);
