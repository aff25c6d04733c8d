using System.Net.Sockets;
using k8s.Models;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Prober;

/// <summary>
/// One probe attempt as upstream's prober runs it: exec through the runtime (exit 0 passes), httpGet (a status
/// from 200 to 399 passes; redirects are not followed but count as success), tcpSocket (the connection opens).
/// Timeouts and errors fail the attempt.
/// </summary>
internal sealed class ProbeRunner(IRuntimeService runtime)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    public async Task<(bool Success, string Message)> RunAsync(V1Probe probe, V1Container container, string containerId, string host, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(Math.Max(1, probe.TimeoutSeconds ?? 1));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            if (probe.Exec?.Command is { Count: > 0 } command)
            {
                var result = await runtime.ExecSyncAsync(containerId, command.ToList(), timeout, cts.Token);
                return (result.ExitCode == 0, result.ExitCode == 0 ? "" :
                    $"command \"{string.Join(' ', command)}\" exited with {result.ExitCode}: {result.Stdout.ToStringUtf8()}{result.Stderr.ToStringUtf8()}");
            }
            if (probe.HttpGet is { } get)
            {
                var port = ProbePorts.ResolvePort(get.Port, container);
                var target = string.IsNullOrEmpty(get.Host) ? host : get.Host;
                var path = string.IsNullOrEmpty(get.Path) ? "/" : get.Path.StartsWith('/') ? get.Path : "/" + get.Path;
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{(get.Scheme ?? "HTTP").ToLowerInvariant()}://{target}:{port}{path}");
                request.Headers.UserAgent.ParseAdd("kube-probe/1.32");
                foreach (var header in get.HttpHeaders ?? []) request.Headers.TryAddWithoutValidation(header.Name, header.Value);
                using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                var code = (int)response.StatusCode;
                return (code is >= 200 and < 400, $"HTTP probe failed with statuscode: {code}");
            }
            if (probe.TcpSocket is { } tcp)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(string.IsNullOrEmpty(tcp.Host) ? host : tcp.Host, ProbePorts.ResolvePort(tcp.Port, container), cts.Token);
                return (true, "");
            }
            return (false, "probe has no supported handler (exec, httpGet, tcpSocket)");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, $"probe timed out after {timeout.TotalSeconds:0}s");
        }
        catch (Exception e) when (e is CriException or HttpRequestException or SocketException or InvalidOperationException)
        {
            return (false, e.Message);
        }
    }
}
