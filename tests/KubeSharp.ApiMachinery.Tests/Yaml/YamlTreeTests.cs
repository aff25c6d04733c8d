using KubeSharp.ApiMachinery.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeSharp.ApiMachinery.Tests.Yaml;

public sealed class YamlTreeTests
{
    private static YamlMappingNode Load(string yaml) => YamlTree.LoadMapping(new StringReader(yaml))!;

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    [InlineData("null\n")]
    public void Empty_and_null_documents_have_no_mapping(string yaml) => Assert.Null(YamlTree.LoadMapping(new StringReader(yaml)));

    [Theory]
    [InlineData("a:\n", true)]
    [InlineData("a: ~\n", true)]
    [InlineData("a: null\n", true)]
    [InlineData("a: NULL\n", true)]
    [InlineData("a: ''\n", false)]    // a quoted empty string is a value
    [InlineData("a: 'null'\n", false)]
    [InlineData("a: nil\n", false)]
    public void Null_is_what_Go_yaml_reads_as_null(string yaml, bool isNull)
    {
        var map = Load(yaml);
        Assert.Equal(isNull, YamlTree.Get(map, "a") is null);
        Assert.Equal(isNull ? null : YamlTree.AsString(map.Children.Values.Single(), "a"), YamlTree.String(map, "a", ""));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("YES", true)]
    [InlineData("y", true)]
    [InlineData("on", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("No", false)]
    [InlineData("n", false)]
    [InlineData("OFF", false)]
    public void Booleans_take_every_YAML_1_1_spelling(string text, bool value) =>
        Assert.Equal(value, YamlTree.Bool(Load("a: " + text + "\n"), "a", "x"));

    [Theory]
    [InlineData("a: 1\n", "line 1, column 4: x.a: \"1\" is not a boolean (true or false)")]
    [InlineData("a: [true]\n", "line 1, column 4: x.a: expected a string, found a list")]
    public void Wrong_shapes_carry_the_position_and_path(string yaml, string message)
    {
        var e = Assert.ThrowsAny<YamlException>(() => YamlTree.Bool(Load(yaml), "a", "x"));
        Assert.Equal(message, $"line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
    }

    [Fact]
    public void Numbers_are_read_as_their_text_and_aliases_resolve()
    {
        var map = Load("port: 0443\nbase: &b {host: h}\ncopy: *b\n");
        Assert.Equal("0443", YamlTree.String(map, "port", ""));
        Assert.Equal("h", YamlTree.String(YamlTree.Mapping(map, "copy", "")!, "host", "copy"));
    }

    [Fact]
    public void Unknown_keys_and_duplicates_are_refused_at_the_key()
    {
        var e = Assert.ThrowsAny<YamlException>(() => YamlTree.RejectUnknownKeys(Load("a: 1\nb: 2\n"), "top", "a"));
        Assert.Equal((2, 1, "top: unknown key \"b\""), (e.Start.Line, e.Start.Column, e.Message));
        var dup = Assert.ThrowsAny<YamlException>(() => Load("a: 1\na: 2\n"));
        Assert.Equal(2, dup.Start.Line);
    }
}
