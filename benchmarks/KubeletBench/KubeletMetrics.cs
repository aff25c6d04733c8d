using System.Globalization;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.KubeletBench;

/// <summary>
/// Reads kubelet_runtime_operations_total from the agent's kubelet /metrics (the CRI calls it made, by operation),
/// with the API server's admin client certificate. The kubelet serves a self-signed certificate, which is accepted
/// here: the benchmark talks to its own child process on loopback.
/// </summary>
internal sealed class KubeletMetrics(ClientConfig admin) : IDisposable
{
    private const string Metric = "kubelet_runtime_operations_total{operation_type=\"";

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        SslOptions = new System.Net.Security.SslClientAuthenticationOptions
        {
            ClientCertificates = admin.ClientCertificate is { } cert ? [cert] : [],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        },
    });

    private int _port;

    public async Task ConnectAsync(KubeClient client, string node, CancellationToken ct)
    {
        var n = await client.For<V1Node>().GetAsync(null, node, ct);
        _port = n.Status?.DaemonEndpoints?.KubeletEndpoint?.Port ?? throw new InvalidOperationException($"node {node} publishes no kubelet port");
    }

    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(CancellationToken ct)
    {
        var text = await _http.GetStringAsync($"https://127.0.0.1:{_port}/metrics", ct);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(Metric, StringComparison.Ordinal)) continue;
            var end = line.IndexOf('"', Metric.Length);
            counts[line[Metric.Length..end]] = long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }
        return counts;
    }

    public static IReadOnlyDictionary<string, long> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Where(a => a.Value != before.GetValueOrDefault(a.Key)).ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key));

    public void Dispose() => _http.Dispose();
}
