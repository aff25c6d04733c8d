using System.Globalization;

namespace KubeSharp.Benchmarks.ApiBench.Reporting;

/// <summary>Whether a figure has a target, and which side of it passes.</summary>
internal enum Goal
{
    Info,
    AtMost,
    AtLeast,

    /// <summary>A count that must come out exact (e.g. pods created by a rollout).</summary>
    Exactly,
}

/// <summary>One measured figure of one scenario, with its target (if any) and the load it was measured under.</summary>
internal sealed record Figure(string Scenario, string Name, double Value, string Unit, Goal Goal = Goal.Info, double Target = 0, string Notes = "")
{
    /// <summary>/proc/loadavg (1-minute) at the start and end of the scenario; set by the runner.</summary>
    public string Load { get; init; } = "";

    public bool? Pass => Goal switch
    {
        Goal.AtMost => Value <= Target,
        Goal.AtLeast => Value >= Target,
        Goal.Exactly => Value == Target,
        _ => null,
    };

    public string Measured => $"{Format(Value)} {Unit}".TrimEnd();

    public string TargetText => Goal switch
    {
        Goal.AtMost => $"≤ {Format(Target)} {Unit}".TrimEnd(),
        Goal.AtLeast => $"≥ {Format(Target)} {Unit}".TrimEnd(),
        Goal.Exactly => $"= {Format(Target)} {Unit}".TrimEnd(),
        _ => "",
    };

    public string Verdict => Pass switch
    {
        true => "pass",
        false => "FAIL",
        null => "",
    };

    /// <summary>A scenario that threw: reported as a failed figure so the table still shows it.</summary>
    public static Figure Error(string scenario, Exception e) =>
        new(scenario, "error", double.NaN, "", Goal.AtLeast, 0, $"{e.GetType().Name}: {e.Message}");

    private static string Format(double value) => double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 100 ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
