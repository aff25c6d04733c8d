using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Client;

/// <summary>discovery.k8s.io/v1 EndpointSlices as the endpointslice controller and kube-proxy rely on them.</summary>
public sealed class EndpointSliceTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private static V1EndpointSlice Slice(string name, params string[] ips) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "svc" } },
        AddressType = "IPv4",
        Endpoints = ips.Select(ip => new V1Endpoint { Addresses = [ip], Conditions = new V1EndpointConditions { Ready = true } }).ToList(),
        Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 80 }],
    };

    [Fact]
    public async Task Served_in_discovery_with_defaults_and_a_generation_that_tracks_content_and_labels()
    {
        using var client = f.Client();
        var resources = await client.DiscoveryV1.GetAPIResourcesAsync();
        Assert.Contains(resources.Resources, r => r.Name == "endpointslices" && r.Namespaced && r.Kind == "EndpointSlice");

        var ns = await f.NewNamespaceAsync("eps");
        var created = await client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(Slice("a", "10.0.0.1"), ns);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal("TCP", created.Ports[0].Protocol);

        created.Endpoints.Add(new V1Endpoint { Addresses = ["10.0.0.2"] });
        var grown = await client.DiscoveryV1.ReplaceNamespacedEndpointSliceAsync(created, "a", ns);
        Assert.Equal(2, grown.Metadata.Generation);

        grown.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "x" };
        var annotated = await client.DiscoveryV1.ReplaceNamespacedEndpointSliceAsync(grown, "a", ns);
        Assert.Equal(2, annotated.Metadata.Generation);

        annotated.Metadata.Labels["team"] = "blue";
        var relabeled = await client.DiscoveryV1.ReplaceNamespacedEndpointSliceAsync(annotated, "a", ns);
        Assert.Equal(3, relabeled.Metadata.Generation);

        var list = await client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: "kubernetes.io/service-name=svc");
        Assert.Equal("a", Assert.Single(list.Items).Metadata.Name);
    }

    [Theory]
    [InlineData("127.0.0.1", "endpoints[0].addresses[0]", "loopback")]
    [InlineData("169.254.1.1", "endpoints[0].addresses[0]", "link-local")]
    [InlineData("fd00::1", "endpoints[0].addresses[0]", "must be a valid IPv4 address")]
    [InlineData("300.1.1.1", "endpoints[0].addresses[0]", "must be a valid IPv4 address")]
    public async Task Invalid_addresses_are_rejected(string ip, string field, string message)
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("eps-bad");
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(Slice("bad", ip), ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        Assert.Contains(field, e.Response.Content);
        Assert.Contains(message, e.Response.Content);
    }

    [Fact]
    public async Task Address_type_is_required_and_immutable()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("eps-type");
        var missing = Slice("m", "10.0.0.1");
        missing.AddressType = null;
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(missing, ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        Assert.Contains("addressType: Required value", e.Response.Content);

        var slice = await client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(Slice("t", "10.0.0.1"), ns);
        slice.AddressType = "FQDN";
        slice.Endpoints = [new V1Endpoint { Addresses = ["example.com"] }];
        var change = await Assert.ThrowsAsync<HttpOperationException>(() => client.DiscoveryV1.ReplaceNamespacedEndpointSliceAsync(slice, "t", ns));
        Assert.Equal((HttpStatusCode)422, change.Response.StatusCode);
        Assert.Contains("field is immutable", change.Response.Content);
    }
}
