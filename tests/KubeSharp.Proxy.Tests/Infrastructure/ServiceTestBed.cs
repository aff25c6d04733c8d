using System.Text.RegularExpressions;

namespace KubeSharp.Proxy.Tests.Infrastructure;

/// <summary>
/// A node and N backends, each in a network namespace of its own: backend i is reached over a veth pair
/// (node 10.250.i.1/24, backend 10.250.i.2/24) and runs busybox httpd on :8080 answering its own name. The proxy
/// programs the node namespace; clients are busybox wget runs inside it. Nothing touches the host's network.
/// </summary>
public sealed class ServiceTestBed : IAsyncDisposable
{
    public const string ClusterCidr = "10.250.0.0/16";
    private readonly List<NetworkNamespace> _backends = [];
    private readonly string _webRoot = Directory.CreateTempSubdirectory("kubesharp-proxy-web-").FullName;

    private ServiceTestBed(NetworkNamespace node) => Node = node;

    public NetworkNamespace Node { get; }

    /// <summary>Backend i's IP (i from 1).</summary>
    public static string BackendIp(int i) => $"10.250.{i}.2";

    public static string NodeIp(int i) => $"10.250.{i}.1";

    public static async Task<ServiceTestBed> CreateAsync(int backends)
    {
        var bed = new ServiceTestBed(await NetworkNamespace.CreateAsync());
        try
        {
            await bed.Node.MustAsync("sysctl", "-w", "net.ipv4.ip_forward=1");
            // A node has a default route; without one, connecting to a virtual IP fails ("network unreachable")
            // before the nat OUTPUT chain can rewrite the destination.
            // (A veth pair with its peer left in the namespace: the kernel here has no dummy interfaces.)
            await bed.Node.MustAsync("ip", "link", "add", "uplink0", "type", "veth", "peer", "name", "uplink1");
            await bed.Node.MustAsync("ip", "link", "set", "uplink1", "up");
            await bed.Node.MustAsync("ip", "link", "set", "uplink0", "up");
            await bed.Node.MustAsync("ip", "route", "add", "default", "dev", "uplink0");
            for (var i = 1; i <= backends; i++)
            {
                var backend = await NetworkNamespace.CreateAsync();
                bed._backends.Add(backend);
                await bed.Node.LinkAsync(backend, $"veth{i}", $"{NodeIp(i)}/24", "eth0", $"{BackendIp(i)}/24");
                await backend.MustAsync("ip", "route", "add", "default", "via", NodeIp(i));
                var root = Path.Combine(bed._webRoot, $"b{i}");
                Directory.CreateDirectory(root);
                await File.WriteAllTextAsync(Path.Combine(root, "index.html"), $"backend-{i}\n");
                backend.Spawn("busybox", "httpd", "-f", "-p", "8080", "-h", root);
            }
            for (var i = 1; i <= backends; i++) await bed.WaitReachableAsync(BackendIp(i), 8080);
            return bed;
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
    }

    private async Task WaitReachableAsync(string ip, int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await GetAsync(ip, port)).Ok) return;
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"{ip}:{port} never answered");
    }

    // busybox 1.35 wget crashes with -T (segfault), so `timeout` bounds each request instead.
    /// <summary>One HTTP GET from the node namespace: (true, body) or (false, wget's error).</summary>
    public async Task<(bool Ok, string Text)> GetAsync(string ip, int port)
    {
        var r = await Node.RunAsync("timeout", "5", "busybox", "wget", "-q", "-O", "-", $"http://{ip}:{port}/");
        return r.ExitCode == 0 ? (true, r.Stdout.Trim()) : (false, r.Stderr.Trim());
    }

    /// <summary>One HTTP GET from inside backend i (a "pod").</summary>
    public async Task<(bool Ok, string Text)> GetFromBackendAsync(int i, string ip, int port)
    {
        var r = await _backends[i - 1].RunAsync("timeout", "5", "busybox", "wget", "-q", "-O", "-", $"http://{ip}:{port}/");
        return r.ExitCode == 0 ? (true, r.Stdout.Trim()) : (false, r.Stderr.Trim());
    }

    /// <summary>Counts answers per backend over <paramref name="requests"/> GETs.</summary>
    public async Task<Dictionary<string, int>> DistributionAsync(string ip, int port, int requests)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < requests; i++)
        {
            var (ok, text) = await GetAsync(ip, port);
            var key = ok && Regex.IsMatch(text, "^backend-\\d+$") ? text : "error: " + text;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var b in _backends) await b.DisposeAsync();
        await Node.DisposeAsync();
        Directory.Delete(_webRoot, true);
    }
}
