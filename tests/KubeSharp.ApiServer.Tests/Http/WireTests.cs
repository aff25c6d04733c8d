using System.Net;
using System.Text;
using System.Text.Json;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Http;

/// <summary>Wire-level behaviour: authentication, error Status bodies, content types, limits.</summary>
public sealed class WireTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private static async Task<JsonElement> StatusOf(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        var doc = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Status", doc.GetProperty("kind").GetString());
        Assert.Equal("v1", doc.GetProperty("apiVersion").GetString());
        Assert.Equal("Failure", doc.GetProperty("status").GetString());
        Assert.Equal((int)r.StatusCode, doc.GetProperty("code").GetInt32());
        return doc;
    }

    [Fact]
    public async Task VersionReports132()
    {
        using var http = RawHttp.Create(f, withClientCert: false);
        var doc = JsonDocument.Parse(await http.GetStringAsync("/version")).RootElement;
        Assert.Equal("1", doc.GetProperty("major").GetString());
        Assert.Equal("32", doc.GetProperty("minor").GetString());
        Assert.StartsWith("v1.32.", doc.GetProperty("gitVersion").GetString());
    }

    [Fact]
    public async Task HealthEndpointsAnswerOk()
    {
        using var http = RawHttp.Create(f, withClientCert: false);
        foreach (var path in new[] { "/healthz", "/livez", "/readyz" })
        {
            Assert.Equal("ok", await http.GetStringAsync(path));
        }
    }

    [Fact]
    public async Task UnauthenticatedRequestsGet401Status()
    {
        using var http = RawHttp.Create(f, withClientCert: false);
        var r = await http.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        var status = await StatusOf(r);
        Assert.Equal("Unauthorized", status.GetProperty("reason").GetString());

        using var badToken = RawHttp.Create(f, withClientCert: false, token: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await badToken.GetAsync("/api/v1/namespaces")).StatusCode);
    }

    [Fact]
    public async Task BearerTokenFromTokenFileAuthenticates()
    {
        using var http = RawHttp.Create(f, withClientCert: false, token: ApiServerFixture.TestToken);
        var r = await http.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task MalformedJsonIs400()
    {
        using var http = RawHttp.Create(f);
        var r = await http.PostAsync("/api/v1/namespaces/default/configmaps", RawHttp.Json("{\"metadata\": {"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("BadRequest", (await StatusOf(r)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task WrongTypedValuesAre400Not500()
    {
        using var http = RawHttp.Create(f);
        foreach (var body in new[]
        {
            "{\"metadata\":{\"name\":\"x\",\"labels\":\"notamap\"}}",
            "{\"metadata\":{\"name\":7}}",
            "[]",
            "null",
            "\"str\"",
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}",
        })
        {
            var r = await http.PostAsync("/api/v1/namespaces/default/configmaps", RawHttp.Json(body));
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{body} gave {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            await StatusOf(r);
        }
    }

    [Fact]
    public async Task UnknownContentTypeIs415()
    {
        using var http = RawHttp.Create(f);
        var r = await http.PostAsync("/api/v1/namespaces/default/configmaps", RawHttp.Json("{}", "text/csv"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode);
        await StatusOf(r);
        var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/namespaces/default") { Content = RawHttp.Json("{}", "application/xml") };
        var pr = await http.SendAsync(patch);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pr.StatusCode);
    }

    [Fact]
    public async Task BodiesOver3MiBAre413()
    {
        using var http = RawHttp.Create(f);
        var big = "{\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + new string('x', 3 * 1024 * 1024 + 10) + "\"}}";
        var r = await http.PostAsync("/api/v1/namespaces/default/configmaps", RawHttp.Json(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        await StatusOf(r);
        // The server keeps serving.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/namespaces/default")).StatusCode);
    }

    [Fact]
    public async Task UnsupportedVerbIs405()
    {
        using var http = RawHttp.Create(f);
        var r = await http.PostAsync("/api/v1/namespaces/default/configmaps/x", RawHttp.Json("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        await StatusOf(r);
    }

    [Fact]
    public async Task UnknownPathsAre404Status()
    {
        using var http = RawHttp.Create(f);
        foreach (var path in new[] { "/api/v1/foos", "/apis/nosuch.io/v1/things", "/api/v2/pods", "/nothing" })
        {
            var r = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            await StatusOf(r);
        }
    }

    [Fact]
    public async Task StrictFieldValidationRejectsUnknownFieldsAndWarnWarns()
    {
        using var http = RawHttp.Create(f);
        var body = "{\"metadata\":{\"name\":\"strict1\"},\"data\":{},\"bogus\":1,\"metadata2\":{}}";
        var r = await http.PostAsync("/api/v1/namespaces/default/configmaps?fieldValidation=Strict", RawHttp.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var message = (await StatusOf(r)).GetProperty("message").GetString();
        Assert.Contains("unknown field \"bogus\"", message);
        Assert.Contains("unknown field \"metadata2\"", message);

        var w = await http.PostAsync("/api/v1/namespaces/default/configmaps?fieldValidation=Warn", RawHttp.Json(body.Replace("strict1", "warn1")));
        Assert.Equal(HttpStatusCode.Created, w.StatusCode);
        Assert.Contains(w.Headers.GetValues("Warning"), v => v.Contains("unknown field \\\"bogus\\\""));
    }

    [Fact]
    public async Task AggregatedDiscoveryHasTheExactContentType()
    {
        using var http = RawHttp.Create(f);
        var req = new HttpRequestMessage(HttpMethod.Get, "/apis");
        req.Headers.TryAddWithoutValidation("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
        var r = await http.SendAsync(req);
        Assert.Equal("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", r.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        var groups = doc.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()).ToList();
        Assert.Contains("apps", groups);
        Assert.Contains("coordination.k8s.io", groups);
    }

    [Fact]
    public async Task WatchFromTooOldRevisionIsExpired()
    {
        await using var small = new SmallWindowFixture();
        await small.InitializeAsync();
        using var http = RawHttp.Create(small);
        var first = await http.PostAsync("/api/v1/namespaces/default/configmaps", RawHttp.Json("{\"metadata\":{\"name\":\"c0\"}}"));
        var rv = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        for (var i = 1; i <= 10; i++)
        {
            await http.PostAsync("/api/v1/namespaces/default/configmaps", RawHttp.Json($"{{\"metadata\":{{\"name\":\"c{i}\"}}}}"));
        }
        var stream = await http.GetStringAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={rv}&timeoutSeconds=2");
        var line = stream.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        var ev = JsonDocument.Parse(line).RootElement;
        Assert.Equal("ERROR", ev.GetProperty("type").GetString());
        Assert.Equal(410, ev.GetProperty("object").GetProperty("code").GetInt32());
        Assert.Equal("Expired", ev.GetProperty("object").GetProperty("reason").GetString());
        Assert.StartsWith("too old resource version:", ev.GetProperty("object").GetProperty("message").GetString());
    }

    [Fact]
    public async Task InvalidSelectorsAndResourceVersionsAre400()
    {
        using var http = RawHttp.Create(f);
        foreach (var q in new[] { "labelSelector=a%20in%20(", "resourceVersion=abc", "continue=garbage", "limit=x", "resourceVersionMatch=Exact" })
        {
            var r = await http.GetAsync($"/api/v1/namespaces/default/configmaps?{q}");
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{q}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            await StatusOf(r);
        }
    }
}
