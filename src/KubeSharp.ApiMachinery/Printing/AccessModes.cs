namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Upstream's GetAccessModesAsString: abbreviations in a fixed order, duplicates dropped.</summary>
internal static class AccessModes
{
    private static readonly (string Mode, string Short)[] _order =
    [
        ("ReadWriteOnce", "RWO"),
        ("ReadOnlyMany", "ROX"),
        ("ReadWriteMany", "RWX"),
        ("ReadWriteOncePod", "RWOP"),
    ];

    public static string Format(IList<string>? modes)
    {
        if (modes is null || modes.Count == 0)
        {
            return "";
        }
        var result = "";
        foreach (var (mode, abbreviation) in _order)
        {
            if (modes.Contains(mode))
            {
                result = result.Length == 0 ? abbreviation : result + "," + abbreviation;
            }
        }
        return result;
    }
}
