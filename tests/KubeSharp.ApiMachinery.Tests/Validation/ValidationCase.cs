namespace KubeSharp.ApiMachinery.Tests.Validation;

/// <summary>One row of a validation table: build the object (and the old one for updates), expect these errors.</summary>
public sealed record ValidationCase(string Name, Func<object> Build, string[] Expected, Func<object>? Old = null)
{
    public static ValidationCase Create(string name, Func<object> build, params string[] expected) => new(name, build, expected);

    public static ValidationCase Update(string name, Func<object> old, Func<object> build, params string[] expected) =>
        new(name, build, expected, old);
}
