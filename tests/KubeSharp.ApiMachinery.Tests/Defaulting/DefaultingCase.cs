using k8s;
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

public static class DefaultingRunner
{
    public static TheoryData<string> Names(IEnumerable<DefaultingCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases)
        {
            data.Add(c.Name);
        }
        return data;
    }

    public static void Run(IEnumerable<DefaultingCase> cases, string name)
    {
        var row = cases.Single(c => c.Name == name);
        var obj = row.Build();
        Defaulter.Apply(obj);
        var first = Json(row.Select(obj));
        Assert.Equal(row.ExpectedJson, first);
        // Defaulting is idempotent: a second pass changes nothing.
        Defaulter.Apply(obj);
        Assert.Equal(first, Json(row.Select(obj)));
    }

    private static string Json(object? value) => value is null ? "null" : KubernetesJson.Serialize(value);
}
