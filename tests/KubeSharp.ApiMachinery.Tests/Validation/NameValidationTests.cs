using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class NameValidationTests
{
    [Theory]
    [InlineData("example.com", true)]
    [InlineData("a", true)]
    [InlineData("a-b.c-d", true)]
    [InlineData("Foo", false)]
    [InlineData("-a", false)]
    [InlineData("a.", false)]
    [InlineData("a_b", false)]
    public void Dns1123Subdomain(string value, bool valid) =>
        Assert.Equal(valid, NameValidation.IsDns1123Subdomain(value).Count == 0);

    [Fact]
    public void Dns1123SubdomainMessageIsUpstreams() =>
        Assert.Equal([Fixtures.SubdomainMsg], NameValidation.IsDns1123Subdomain("Foo"));

    [Fact]
    public void Dns1123SubdomainTooLong() =>
        Assert.Equal(["must be no more than 253 characters"], NameValidation.IsDns1123Subdomain(new string('a', 254)));

    [Theory]
    [InlineData("my-name", new string[0])]
    [InlineData("a.b", new[] { "must not contain dots" })]
    [InlineData("My", new[] { Fixtures.LabelMsg })]
    public void Dns1123Label(string value, string[] expected) => Assert.Equal(expected, NameValidation.IsDns1123Label(value));

    [Fact]
    public void Dns1123LabelTooLong() =>
        Assert.Equal(["must be no more than 63 characters"], NameValidation.IsDns1123Label(new string('a', 64)));

    [Theory]
    [InlineData("web", new string[0])]
    [InlineData("1web", new[] { Fixtures.Dns1035Msg })]
    public void Dns1035Label(string value, string[] expected) => Assert.Equal(expected, NameValidation.IsDns1035Label(value));

    [Theory]
    [InlineData("ok.name", new string[0])]
    [InlineData(".", new[] { "may not be '.'" })]
    [InlineData("..", new[] { "may not be '..'" })]
    [InlineData("a/b%c", new[] { "may not contain '/'", "may not contain '%'" })]
    public void PathSegmentName(string value, string[] expected) => Assert.Equal(expected, NameValidation.IsValidPathSegmentName(value));

    [Theory]
    [InlineData("app", 0)]
    [InlineData("example.com/app", 0)]
    [InlineData("app.kubernetes.io/name", 0)]
    [InlineData("a/b/c", 1)]
    [InlineData("/app", 1)]
    [InlineData("Example.com/app", 1)]
    [InlineData("-app", 1)]
    public void QualifiedName(string value, int errors) => Assert.Equal(errors, NameValidation.IsQualifiedName(value).Count);

    [Fact]
    public void QualifiedNameMessages()
    {
        Assert.Equal(["prefix part must be non-empty"], NameValidation.IsQualifiedName("/app"));
        Assert.Equal(
            ["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
            NameValidation.IsQualifiedName("-app"));
        Assert.Equal(["name part must be no more than 63 characters"], NameValidation.IsQualifiedName(new string('a', 64)));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("v1.2_x", 0)]
    [InlineData("-x", 1)]
    [InlineData("a b", 1)]
    public void LabelValue(string value, int errors) => Assert.Equal(errors, NameValidation.IsValidLabelValue(value).Count);

    [Theory]
    [InlineData("http", new string[0])]
    [InlineData("8080", new[] { "must contain at least one letter (a-z)" })]
    [InlineData("a--b", new[] { "must not contain consecutive hyphens" })]
    [InlineData("-ab", new[] { "must not begin or end with a hyphen" })]
    [InlineData("Http", new[] { "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)" })]
    [InlineData("abcdefghijklmnop", new[] { "must be no more than 15 characters" })]
    public void PortName(string value, string[] expected) => Assert.Equal(expected, NameValidation.IsValidPortName(value));

    [Theory]
    [InlineData("key.name", new string[0])]
    [InlineData("..x", new[] { "must not start with '..'" })]
    [InlineData("a b", new[] { "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')" })]
    public void ConfigMapKey(string value, string[] expected) => Assert.Equal(expected, NameValidation.IsConfigMapKey(value));

    [Theory]
    [InlineData("MY_VAR", 0)]
    [InlineData("my.var-1", 0)]
    [InlineData("1VAR", 0)]
    [InlineData("A=B", 1)]
    public void RelaxedEnvVarName(string value, int errors) => Assert.Equal(errors, NameValidation.IsRelaxedEnvVarName(value).Count);

    [Theory]
    [InlineData("web-", "wea")]
    [InlineData("web", "web")]
    [InlineData("-", "-")]
    public void GenerateNameMasksTrailingDash(string value, string masked) => Assert.Equal(masked, NameValidation.MaskTrailingDash(value));
}
