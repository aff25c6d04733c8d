using k8s.Models;

namespace KubeSharp.ApiMachinery.Tests.Printing;

/// <summary>A fixed clock and small builders so each test row states only what it is about.</summary>
internal static class Fixtures
{
    public static readonly DateTime Now = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    public static V1ObjectMeta Meta(string name, TimeSpan? age = null, bool deleting = false) => new()
    {
        Name = name,
        NamespaceProperty = "default",
        CreationTimestamp = Now - (age ?? TimeSpan.FromSeconds(14)),
        DeletionTimestamp = deleting ? Now : null,
    };

    public static DateTime Ago(TimeSpan span) => Now - span;
}
