using System.Net.WebSockets;
using System.Text;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiMachinery.Streaming;
using KubeSharp.ApiServer.Proxy;
using KubeSharp.ApiServer.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KubeSharp.ApiServer.Http;

/// <summary>
/// pods/log, pods/exec, pods/attach and pods/portforward: the API server finds the pod's node and proxies to that
/// node's kubelet (upstream's "connect" verbs). Logs are a plain streamed GET. Exec and attach are relayed byte for
/// byte after the kubelet accepts the same upgrade kubectl asked for (WebSocket v5.channel.k8s.io or SPDY), so the
/// handshake answer kubectl checks comes from the kubelet. Port-forward from kubectl 1.30+ arrives as SPDY tunnelled
/// in WebSocket messages; the API server unwraps it and speaks plain SPDY upgrade to the kubelet, as upstream's
/// tunneling proxy does.
/// </summary>
public sealed partial class ApiHandler
{
    private static readonly ResourceInfo Nodes = ResourceTable.Find("", "nodes")!;
    private const string PortForwardTunnelProtocol = "SPDY/3.1+portforward.k8s.io";

    /// <summary>Set by the host; null only in tests that construct a handler without PKI.</summary>
    public KubeletConnector? Kubelets { get; init; }

    private static readonly string[] RelayedRequestHeaders =
        ["Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol", "X-Stream-Protocol-Version"];

    private static readonly string[] RelayedResponseHeaders =
        ["Upgrade", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol", "X-Stream-Protocol-Version"];

    private async Task ConnectAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        var pod = KubeJson.Deserialize<V1Pod>((await store.GetAsync(info.Namespace, info.Name!, http.RequestAborted)).Json);
        var subresource = info.Subresource!;
        if (subresource == "log")
        {
            await ProxyLogAsync(http, pod);
            return;
        }
        var upgrade = http.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
        {
            throw Errors.BadRequest("Upgrade request required");
        }
        var kubeletPath = subresource switch
        {
            "exec" => $"/exec/{pod.Namespace()}/{pod.Name()}/{ContainerFor(pod, http.Request.Query["container"].ToString())}",
            "attach" => $"/attach/{pod.Namespace()}/{pod.Name()}/{ContainerFor(pod, http.Request.Query["container"].ToString())}",
            "portforward" => $"/portForward/{pod.Namespace()}/{pod.Name()}",
            _ => throw Errors.BadRequest($"the subresource pods/{subresource} is not supported"),
        };
        var baseUrl = await KubeletUrlAsync(pod, http.RequestAborted);
        var target = new Uri(baseUrl, kubeletPath + http.Request.QueryString.Value);

        var offered = WebSocketHandshake.OfferedProtocols(http.Request.Headers.SecWebSocketProtocol);
        if (subresource == "portforward" && IsWebSocket(http.Request) && offered.Contains(PortForwardTunnelProtocol))
        {
            await TunnelPortForwardAsync(http, upgrade, target);
            return;
        }
        await RelayUpgradeAsync(http, upgrade, target);
    }

    private static bool IsWebSocket(HttpRequest request) =>
        request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>Exec, attach and SPDY port-forward: the kubelet answers the client's own handshake; then raw bytes.</summary>
    private async Task RelayUpgradeAsync(HttpContext http, IHttpUpgradeFeature upgrade, Uri target)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in RelayedRequestHeaders)
        {
            foreach (var value in http.Request.Headers[name])
            {
                if (value != null) headers.Add(new(name, value));
            }
        }
        await using var kubelet = await DialKubeletAsync(new UpgradeRequest(http.Request.Method, target, headers), http.RequestAborted);
        if (kubelet.StatusCode != 101) throw KubeletError(kubelet.StatusCode, kubelet.Body);
        foreach (var name in RelayedResponseHeaders)
        {
            if (kubelet.Header(name) is { } value) http.Response.Headers[name] = value;
        }
        await using var client = await upgrade.UpgradeAsync();
        await StreamPump.BidirectionalAsync(client, kubelet.Stream, http.RequestAborted);
    }

    /// <summary>kubectl 1.30+ port-forward: SPDY frames inside WebSocket binary messages; the kubelet gets plain SPDY.</summary>
    private async Task TunnelPortForwardAsync(HttpContext http, IHttpUpgradeFeature upgrade, Uri target)
    {
        var request = new UpgradeRequest("POST", target,
        [
            new("Connection", "Upgrade"),
            new("Upgrade", "SPDY/3.1"),
            new("X-Stream-Protocol-Version", "portforward.k8s.io"),
        ]);
        await using var kubelet = await DialKubeletAsync(request, http.RequestAborted);
        if (kubelet.StatusCode != 101) throw KubeletError(kubelet.StatusCode, kubelet.Body);
        var key = http.Request.Headers.SecWebSocketKey.ToString();
        http.Response.Headers.Upgrade = "websocket";
        http.Response.Headers.SecWebSocketAccept = WebSocketHandshake.AcceptKey(key);
        http.Response.Headers.SecWebSocketProtocol = PortForwardTunnelProtocol;
        await using var client = await upgrade.UpgradeAsync();
        // kubectl sends its own pings; a server-side keep-alive is not needed and would only add frames.
        // The handshake (with the subprotocol) is already answered above; .NET would refuse to carry this
        // subprotocol itself, since '/' is not a token character.
        using var socket = WebSocket.CreateFromStream(client, new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = TimeSpan.Zero,
        });
        await StreamPump.WebSocketToStreamAsync(socket, kubelet.Stream, http.RequestAborted);
    }

    private async Task<UpgradeResponse> DialKubeletAsync(UpgradeRequest request, CancellationToken ct)
    {
        var kubelets = Kubelets ?? throw Errors.ServiceUnavailable("this API server has no kubelet client credentials");
        try
        {
            return await UpgradeDialer.DialAsync(request, kubelets.NewSslOptions(), ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            throw Errors.ServiceUnavailable($"error dialing backend: {e.Message}");
        }
    }

    private async Task ProxyLogAsync(HttpContext http, V1Pod pod)
    {
        var kubelets = Kubelets ?? throw Errors.ServiceUnavailable("this API server has no kubelet client credentials");
        var q = http.Request.Query;
        var container = ContainerFor(pod, q["container"].ToString());
        var baseUrl = await KubeletUrlAsync(pod, http.RequestAborted);
        var forwarded = new List<string>();
        foreach (var name in new[] { "follow", "previous", "timestamps", "sinceSeconds", "sinceTime", "tailLines", "limitBytes" })
        {
            var value = q[name].ToString();
            if (value.Length > 0) forwarded.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        var url = new Uri(baseUrl, $"/containerLogs/{pod.Namespace()}/{pod.Name()}/{container}" + (forwarded.Count > 0 ? "?" + string.Join('&', forwarded) : ""));
        HttpResponseMessage response;
        try
        {
            response = await kubelets.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            throw Errors.ServiceUnavailable($"error dialing backend: {e.Message}");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
                throw KubeletError((int)response.StatusCode, body);
            }
            http.Response.StatusCode = 200;
            http.Response.ContentType = "text/plain";
            await http.Response.StartAsync(http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            await using var source = await response.Content.ReadAsStreamAsync(http.RequestAborted);
            var buffer = new byte[16 * 1024];
            int n;
            while ((n = await source.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                await http.Response.Body.WriteAsync(buffer.AsMemory(0, n), http.RequestAborted);
                // A followed log must reach kubectl line by line, not when a buffer fills.
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        }
    }

    /// <summary>The container a request names, or the pod's only container; errors worded as upstream's.</summary>
    private static string ContainerFor(V1Pod pod, string requested)
    {
        var app = pod.Spec?.Containers?.Select(c => c.Name).ToList() ?? [];
        var init = pod.Spec?.InitContainers?.Select(c => c.Name).ToList() ?? [];
        var ephemeral = pod.Spec?.EphemeralContainers?.Select(c => c.Name).ToList() ?? [];
        if (requested.Length == 0)
        {
            if (app.Count == 1) return app[0];
            var message = new StringBuilder($"a container name must be specified for pod {pod.Name()}, choose one of: [{string.Join(' ', app)}]");
            if (init.Count > 0) message.Append($" or one of the init containers: [{string.Join(' ', init)}]");
            if (ephemeral.Count > 0) message.Append($" or one of the ephemeral containers: [{string.Join(' ', ephemeral)}]");
            throw Errors.BadRequest(message.ToString());
        }
        if (!app.Contains(requested) && !init.Contains(requested) && !ephemeral.Contains(requested))
        {
            throw Errors.BadRequest($"container {requested} is not valid for pod {pod.Name()}");
        }
        return requested;
    }

    private async Task<Uri> KubeletUrlAsync(V1Pod pod, CancellationToken ct)
    {
        var nodeName = pod.Spec?.NodeName;
        if (string.IsNullOrEmpty(nodeName)) throw Errors.BadRequest($"pod {pod.Name()} does not have a host assigned");
        var node = KubeJson.Deserialize<V1Node>((await _stores[Nodes].GetAsync(null, nodeName, ct)).Json);
        return KubeletConnector.BaseUrl(node) ?? throw Errors.BadRequest($"node {nodeName} has no address to reach its kubelet");
    }

    /// <summary>A kubelet's non-2xx answer as a Status with the same code (upstream's generic response checker).</summary>
    private static StatusException KubeletError(int code, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                var status = KubeJson.Deserialize<V1Status>(body);
                if (status?.Message is { Length: > 0 } m) text = m;
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a Status after all; pass the text through.
            }
        }
        if (text.Length == 0) text = $"the kubelet answered {code}";
        return code switch
        {
            400 => Errors.BadRequest(text),
            401 => new StatusException(401, "Unauthorized", text),
            403 => new StatusException(403, "Forbidden", text),
            404 => new StatusException(404, "NotFound", text),
            >= 500 => new StatusException(code, code == 503 ? "ServiceUnavailable" : "InternalError", text),
            _ => new StatusException(code, "BadRequest", text),
        };
    }
}
