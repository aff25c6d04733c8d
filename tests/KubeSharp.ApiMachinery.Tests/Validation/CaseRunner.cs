using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Tests.Validation;

/// <summary>Runs a named row: the rendered errors ("field: message") must equal the expected ones, in any order.</summary>
public static class CaseRunner
{
    public static TheoryData<string> Names(IEnumerable<ValidationCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases)
        {
            data.Add(c.Name);
        }
        return data;
    }

    public static void Run(IEnumerable<ValidationCase> cases, string name)
    {
        var row = cases.Single(c => c.Name == name);
        var obj = row.Build();
        var errors = row.Old is null ? Validator.ValidateCreate(obj) : Validator.ValidateUpdate(obj, row.Old());
        var actual = errors.Select(e => e.ToString()).Order(StringComparer.Ordinal).ToArray();
        var expected = row.Expected.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }
}
