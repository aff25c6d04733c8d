using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class FieldErrorsTests
{
    private static readonly FieldPath Path = FieldPath.Root("spec").Child("x");

    public static TheoryData<string, FieldError, string> Rows => new()
    {
        { "required", FieldErrors.Required(Path), "spec.x: Required value" },
        { "required with detail", FieldErrors.Required(Path, "name or generateName is required"), "spec.x: Required value: name or generateName is required" },
        { "invalid string is Go-quoted", FieldErrors.Invalid(Path, "a\"b\n", "bad"), "spec.x: Invalid value: \"a\\\"b\\n\": bad" },
        { "invalid number is bare", FieldErrors.Invalid(Path, -1L, "must be greater than or equal to 0"), "spec.x: Invalid value: -1: must be greater than or equal to 0" },
        { "invalid null", FieldErrors.Invalid(Path, null, "d"), "spec.x: Invalid value: \"null\": d" },
        { "invalid map like %#v", FieldErrors.Invalid(Path, new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, "d"), "spec.x: Invalid value: map[string]string{\"a\":\"1\", \"b\":\"2\"}: d" },
        { "not supported", FieldErrors.NotSupported(Path, "Sometimes", ["Always", "OnFailure", "Never"]), "spec.x: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"" },
        { "duplicate", FieldErrors.Duplicate(Path, "c"), "spec.x: Duplicate value: \"c\"" },
        { "forbidden", FieldErrors.Forbidden(Path, "nope"), "spec.x: Forbidden: nope" },
        { "immutable", FieldErrors.Immutable(Path, "X"), "spec.x: Invalid value: \"X\": field is immutable" },
        { "too long", FieldErrors.TooLong(Path, 262144), "spec.x: Too long: may not be more than 262144 bytes" },
        { "not found", FieldErrors.NotFound(Path, "v"), "spec.x: Not found: \"v\"" },
        { "path index and key", FieldErrors.Required(FieldPath.Root("data").Key("a.b").Child("c").Index(2)), "data[a.b].c[2]: Required value" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void RendersLikeUpstream(string name, FieldError error, string expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, error.ToString());
    }
}
