using KubeSharp.ApiMachinery.Defaulting;

namespace KubeSharp.ApiMachinery.Tests.Defaulting;

/// <summary>
/// One row of a defaulting table: build an object, apply <see cref="Defaulter.Apply"/>, select a field and compare
/// its JSON form with the expected JSON.
/// </summary>
public sealed record DefaultingCase(string Name, Func<object> Build, Func<object, object?> Select, string ExpectedJson)
{
    public static DefaultingCase Row<T>(string name, Func<T> build, Func<T, object?> select, string expectedJson) where T : class =>
        new(name, build, o => select((T)o), expectedJson);
}
