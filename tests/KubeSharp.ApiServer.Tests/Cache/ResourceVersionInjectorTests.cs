using System.Text;
using System.Text.Json;
using KubeSharp.ApiServer.Cache;

namespace KubeSharp.ApiServer.Tests.Cache;

public sealed class ResourceVersionInjectorTests
{
    [Theory]
    [InlineData("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}", "{\"kind\":\"Pod\",\"metadata\":{\"resourceVersion\":\"42\",\"name\":\"a\"}}")]
    [InlineData("{\"metadata\":{}}", "{\"metadata\":{\"resourceVersion\":\"42\"}}")]
    [InlineData("{\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"7\"}}", "{\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"42\"}}")]
    [InlineData("{\"spec\":{\"metadata\":{\"x\":1}},\"metadata\":{\"labels\":{\"resourceVersion\":\"no\"}}}",
        "{\"spec\":{\"metadata\":{\"x\":1}},\"metadata\":{\"resourceVersion\":\"42\",\"labels\":{\"resourceVersion\":\"no\"}}}")]
    [InlineData("{\"a\":[{\"metadata\":{}}],\"metadata\":{\"name\":\"b\"}}", "{\"a\":[{\"metadata\":{}}],\"metadata\":{\"resourceVersion\":\"42\",\"name\":\"b\"}}")]
    public void SetsTopLevelMetadataResourceVersion(string input, string expected)
    {
        var result = Encoding.UTF8.GetString(ResourceVersionInjector.Inject(Encoding.UTF8.GetBytes(input), 42));
        Assert.Equal(expected, result);
        using var _ = JsonDocument.Parse(result);
    }

    [Fact]
    public void ObjectWithoutMetadataIsAnError() =>
        Assert.Throws<JsonException>(() => ResourceVersionInjector.Inject("{\"kind\":\"X\"}"u8, 1));
}
