using System.Reflection;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// One request body recorded from kubectl, with the JSON the decoder must turn it into.
internal sealed record KubectlCapture(string Name, string Command, string BodyBase64, string ExpectedJson)
{
    // FromBase64String skips the line breaks of the fixture literals.
    public byte[] Body => Convert.FromBase64String(BodyBase64);

    public override string ToString() => Name;
}

internal static partial class KubectlCaptures
{
    // Lazy: static initializers of partial classes run in no defined order across files.
    private static readonly Lazy<IReadOnlyList<KubectlCapture>> _all = new(() => typeof(KubectlCaptures)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(KubectlCapture))
        .Select(f => (KubectlCapture)f.GetValue(null)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList());

    public static IReadOnlyList<KubectlCapture> All => _all.Value;

    public static KubectlCapture Named(string name) => All.Single(c => c.Name == name);
}
