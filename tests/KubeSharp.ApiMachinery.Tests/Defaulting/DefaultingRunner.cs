using k8s;
using KubeSharp.ApiMachinery.Defaulting;

namespace KubeSharp.ApiMachinery.Tests.Defaulting;

/// <summary>Runs a named defaulting row and checks that a second pass changes nothing.</summary>
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
