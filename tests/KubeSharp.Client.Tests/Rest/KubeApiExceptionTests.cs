using System.Text;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Rest;

/// <summary>Failed responses become StatusErrors through KubeJson's Status reader (the generated, reflection-free path).</summary>
public sealed class KubeApiExceptionTests
{
    [Fact]
    public void A_Status_body_is_kept_with_its_details()
    {
        var body = Encoding.UTF8.GetBytes("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"x\" already exists",
             "reason":"AlreadyExists","details":{"name":"x","kind":"pods"},"code":409}
            """);

        var e = KubeApiException.FromResponse(409, body);

        Assert.Equal(409, e.Code);
        Assert.Equal("AlreadyExists", e.Reason);
        Assert.Equal("x", e.Status.Details.Name);
        Assert.True(ApiErrors.IsAlreadyExists(e));
    }

    [Theory]
    [InlineData("""{"kind":"Status","code":"not a number"}""")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"}}""")]
    [InlineData("upstream connect error or disconnect/reset before headers")]
    public void A_body_that_is_not_a_Status_gives_one_made_from_the_HTTP_code(string text)
    {
        var e = KubeApiException.FromResponse(503, Encoding.UTF8.GetBytes(text));

        Assert.Equal(503, e.Code);
        Assert.Equal("ServiceUnavailable", e.Reason);
        Assert.Equal(text, e.Status.Message);
    }
}
