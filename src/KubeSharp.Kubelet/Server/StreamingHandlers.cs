using System.Globalization;
using System.Net.WebSockets;
using KubeSharp.ApiMachinery.Streaming;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Logs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Server;

/// <summary>
/// The kubelet's streaming endpoints. Logs are read from the CRI log files. Exec, attach and port-forward ask the
/// runtime for a streaming URL (CRI Exec/Attach/PortForward) and relay the session to the runtime's streaming
/// server: SPDY clients byte for byte; WebSocket clients (kubectl's v5.channel.k8s.io) are translated to SPDY
/// v4.channel.k8s.io streams, because containerd 1.6's WebSocket protocols have no way to close stdin while SPDY
/// half-closes a stream with FIN (see StreamingHandlers.WebSocket.cs).
/// </summary>
internal sealed partial class StreamingHandlers(IRuntimeService runtime, ContainerLocator locator, TimeProvider time, ILogger logger)
{
    private const string V5 = "v5.channel.k8s.io";
    private const string V4 = "v4.channel.k8s.io";
    private static readonly string[] SupportedChannelProtocols = [V5, V4];
    private static readonly string[] RelayedRequestHeaders = ["Upgrade", "Connection", "X-Stream-Protocol-Version"];
    private static readonly string[] RelayedResponseHeaders = ["Upgrade", "X-Stream-Protocol-Version"];

    public async Task LogsAsync(HttpContext http, string ns, string pod, string container)
    {
        var q = http.Request.Query;
        var previous = Bool(q["previous"]);
        var instances = await locator.ContainersAsync(ns, pod, container, http.RequestAborted);
        var instance = previous ? instances.Skip(1).FirstOrDefault() : instances.FirstOrDefault();
        if (instance == null)
        {
            throw new KubeletHttpException(400, previous
                ? $"previous terminated container \"{container}\" in pod \"{pod}\" not found"
                : $"container \"{container}\" in pod \"{pod}\" is waiting to start: ContainerCreating");
        }
        var status = await runtime.ContainerStatusAsync(instance.Id, http.RequestAborted)
            ?? throw new KubeletHttpException(400, $"container \"{container}\" in pod \"{pod}\" is not available");
        var options = ParseLogOptions(q);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/plain";
        if (string.IsNullOrEmpty(status.LogPath) || !File.Exists(status.LogPath))
        {
            // Created but never started: an empty log, as upstream answers.
            return;
        }
        await http.Response.StartAsync(http.RequestAborted);
        var reader = new CriLogReader(time);
        await reader.CopyAsync(status.LogPath, options, http.Response.Body, async ct =>
        {
            var current = await runtime.ContainerStatusAsync(instance.Id, ct);
            return current?.State is ContainerState.ContainerRunning or ContainerState.ContainerCreated;
        }, http.RequestAborted);
    }

    private LogOptions ParseLogOptions(IQueryCollection q)
    {
        DateTimeOffset? since = null;
        if (long.TryParse(q["sinceSeconds"], out var seconds) && seconds > 0) since = time.GetUtcNow().AddSeconds(-seconds);
        else if (DateTimeOffset.TryParse(q["sinceTime"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) since = t;
        return new LogOptions
        {
            Follow = Bool(q["follow"]),
            Timestamps = Bool(q["timestamps"]),
            TailLines = long.TryParse(q["tailLines"], out var tail) && tail >= 0 ? tail : null,
            LimitBytes = long.TryParse(q["limitBytes"], out var limit) && limit > 0 ? limit : null,
            Since = since,
        };
    }

    public async Task ExecAsync(HttpContext http, string ns, string pod, string container, bool attach)
    {
        var q = http.Request.Query;
        var running = await locator.RunningAsync(ns, pod, container, http.RequestAborted)
            ?? throw new KubeletHttpException(400, $"container {container} is not valid for pod {pod}: not running");
        var tty = Bool(q["tty"]);
        var stdin = Bool(q["stdin"]);
        var stdout = Bool(q["stdout"]);
        // With a TTY stderr is merged into stdout, as upstream enforces.
        var stderr = !tty && Bool(q["stderr"]);
        string url;
        if (attach)
        {
            url = await runtime.AttachAsync(new AttachRequest { ContainerId = running.Id, Stdin = stdin, Stdout = stdout, Stderr = stderr, Tty = tty }, http.RequestAborted);
        }
        else
        {
            var command = q["command"].Where(c => c != null).Select(c => c!).ToList();
            if (command.Count == 0) throw new KubeletHttpException(400, "you must specify at least 1 command");
            var request = new ExecRequest { ContainerId = running.Id, Stdin = stdin, Stdout = stdout, Stderr = stderr, Tty = tty };
            request.Cmd.AddRange(command);
            url = await runtime.ExecAsync(request, http.RequestAborted);
        }
        var target = ResolveStreamingUrl(url);
        if (http.WebSockets.IsWebSocketRequest)
        {
            await RelayWebSocketAsync(http, target, new StreamSet(stdin, stdout, stderr, tty));
        }
        else
        {
            await RelayUpgradeAsync(http, target);
        }
    }

    public async Task PortForwardAsync(HttpContext http, string ns, string pod)
    {
        var sandbox = await locator.SandboxAsync(ns, pod, http.RequestAborted)
            ?? throw new KubeletHttpException(404, $"pod {ns}/{pod} has no running sandbox on this node");
        var request = new PortForwardRequest { PodSandboxId = sandbox.Id };
        foreach (var port in http.Request.Query["port"])
        {
            if (int.TryParse(port, out var p)) request.Port.Add(p);
        }
        var url = await runtime.PortForwardAsync(request, http.RequestAborted);
        await RelayUpgradeAsync(http, ResolveStreamingUrl(url));
    }

    /// <summary>containerd answers with a URL on its streaming server; relative answers are resolved against loopback.</summary>
    private static Uri ResolveStreamingUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute : new Uri(new Uri("http://127.0.0.1"), url);

    /// <summary>SPDY (exec fallback, port-forward): the runtime answers the upgrade; then bytes flow unchanged.</summary>
    private async Task RelayUpgradeAsync(HttpContext http, Uri target)
    {
        var upgrade = http.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true }) throw new KubeletHttpException(400, "Upgrade request required");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in RelayedRequestHeaders)
        {
            foreach (var value in http.Request.Headers[name])
            {
                if (value != null) headers.Add(new(name, value));
            }
        }
        await using var runtimeSide = await UpgradeDialer.DialAsync(new UpgradeRequest("POST", target, headers), null, http.RequestAborted);
        if (runtimeSide.StatusCode != 101)
        {
            throw new KubeletHttpException(runtimeSide.StatusCode, System.Text.Encoding.UTF8.GetString(runtimeSide.Body).Trim());
        }
        foreach (var name in RelayedResponseHeaders)
        {
            if (runtimeSide.Header(name) is { } value) http.Response.Headers[name] = value;
        }
        await using var client = await upgrade.UpgradeAsync();
        await StreamPump.BidirectionalAsync(client, runtimeSide.Stream, http.RequestAborted);
    }

    private static bool Bool(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is "true" or "1" or "True";

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Streaming session {Path} ended")]
    private static partial void LogSessionEnded(ILogger logger, string path);
}
