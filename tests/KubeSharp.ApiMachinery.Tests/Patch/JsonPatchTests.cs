using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiMachinery.Tests.Patch;

public sealed class JsonPatchTests
{
    [Theory]
    // RFC 6902 appendix A examples.
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""", """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10},{"op":"replace","path":"/~1","value":1}]""", """{"/":1,"~1":10}""")]
    // Whole-document and null handling.
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"","value":{"b":2}}]""", """{"b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/n","value":null}]""", """{"a":1,"n":null}""")]
    [InlineData("""{"a":{"b":[1]}}""", """[{"op":"copy","from":"/a","path":"/c"},{"op":"add","path":"/c/b/0","value":0}]""", """{"a":{"b":[1]},"c":{"b":[0,1]}}""")]
    [InlineData("""{"a":1}""", """[]""", """{"a":1}""")]
    // What kubectl apply --server-side sends to migrate managedFields (kubectl-wire.md §4.10).
    [InlineData("""{"metadata":{"resourceVersion":"7","managedFields":[{"manager":"old"}]}}""", """[{"op":"replace","path":"/metadata/managedFields","value":[{"manager":"kubectl"}]},{"op":"replace","path":"/metadata/resourceVersion","value":"1007"}]""", """{"metadata":{"resourceVersion":"1007","managedFields":[{"manager":"kubectl"}]}}""")]
    public void Applies(string document, string patch, string expected)
    {
        var original = JsonNode.Parse(document);
        var before = original!.ToJsonString();
        JsonAssert.Equal(expected, JsonPatch.Apply(original, JsonNode.Parse(patch)));
        Assert.Equal(before, original.ToJsonString());
    }

    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""", "add operation does not apply: doc is missing path: \"/baz/bat\": missing value", PatchErrorKind.Unprocessable)]
    [InlineData("""{"foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", "remove operation does not apply: doc is missing path: \"/baz\": missing value", PatchErrorKind.Unprocessable)]
    [InlineData("""{"foo":"bar"}""", """[{"op":"replace","path":"/baz","value":1}]""", "replace operation does not apply: doc is missing key: /baz: missing value", PatchErrorKind.Unprocessable)]
    [InlineData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""", "testing value /baz failed: test failed", PatchErrorKind.Unprocessable)]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/5","value":1}]""", "add operation does not apply: Unable to access invalid index: 5: invalid index referenced", PatchErrorKind.Unprocessable)]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"remove","path":"/foo/01"}]""", "remove operation does not apply: doc is missing path: \"/foo/01\": missing value", PatchErrorKind.Unprocessable)]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/c"}]""", "move operation does not apply: from \"/a\" is a prefix of path \"/a/c\"", PatchErrorKind.Unprocessable)]
    [InlineData("""{"a":1}""", """[{"op":"frob","path":"/a"}]""", "Unexpected kind: frob", PatchErrorKind.BadRequest)]
    [InlineData("""{"a":1}""", """{"op":"add"}""", "json: cannot unmarshal object into Go value of type jsonpatch.Patch", PatchErrorKind.BadRequest)]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"a","value":1}]""", "invalid JSON pointer \"a\": must be empty or start with '/'", PatchErrorKind.BadRequest)]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b"}]""", "add operation does not apply: missing value", PatchErrorKind.Unprocessable)]
    public void Rejects(string document, string patch, string message, PatchErrorKind kind)
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse(document), JsonNode.Parse(patch)));
        Assert.Equal(message, error.Message);
        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public void TooManyOperationsIsTooLarge()
    {
        var operations = new JsonArray();
        for (var i = 0; i <= JsonPatch.MaxOperations; i++)
        {
            operations.Add(new JsonObject { ["op"] = "test", ["path"] = "", ["value"] = new JsonObject() });
        }

        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(new JsonObject(), operations));
        Assert.Equal("The allowed maximum operations in a JSON patch is 10000, got 10001", error.Message);
        Assert.Equal(PatchErrorKind.RequestEntityTooLarge, error.Kind);
    }

    [Fact]
    public void FailureLeavesNothingHalfApplied()
    {
        var original = JsonNode.Parse("""{"a":1}""");
        Assert.Throws<PatchException>(() => JsonPatch.Apply(original,
            JsonNode.Parse("""[{"op":"replace","path":"/a","value":2},{"op":"test","path":"/a","value":3}]""")));
        JsonAssert.Equal("""{"a":1}""", original);
    }
}
