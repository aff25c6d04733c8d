using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;

// ProxyBench: how long the proxier takes to program N services × E endpoints, measured on the real iptables-restore
// or nft inside a network namespace of its own (held by `unshare --net sleep`, killed at the end).
//   dotnet benchmarks/ProxyBench/bin/Release/net10.0/ProxyBench.dll [services=10000] [endpoints=2] [--mode iptables|nftables]
var positional = new List<string>();
var mode = "iptables";
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--mode" && i + 1 < args.Length) mode = args[++i];
    else positional.Add(args[i]);
}
var services = positional.Count > 0 ? int.Parse(positional[0]) : 10_000;
var endpoints = positional.Count > 1 ? int.Parse(positional[1]) : 2;
if (mode is not ("iptables" or "nftables")) throw new ArgumentException($"unknown mode {mode}");

var holder = Process.Start(new ProcessStartInfo("unshare", ["--net", "--", "sleep", "infinity"]) { UseShellExecute = false })!;
try
{
    await Task.Delay(200);
    var host = new HostCommand(["nsenter", $"--net=/proc/{holder.Id}/ns/net"]);
    var ports = Enumerable.Range(0, services).Select(Port).ToList();
    Console.WriteLine($"mode={mode} load={File.ReadAllText("/proc/loadavg").Trim()}");
    if (mode == "nftables") await NftablesAsync(host, ports);
    else await IptablesAsync(host, ports);
    Console.WriteLine($"load={File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"proxy process RSS {Environment.WorkingSet / (1024 * 1024)} MiB");
}
finally
{
    holder.Kill();
    await holder.WaitForExitAsync();
}

async Task IptablesAsync(HostCommand host, List<ServicePort> ports)
{
    var iptables = new IptablesClient(host);
    var options = new RenderOptions { Chains = new ChainNames("KUBE-"), ClusterCidr = "10.244.0.0/16" };
    var render = Stopwatch.StartNew();
    var rules = IptablesRenderer.Render(ports, new HashSet<string>(), options);
    render.Stop();
    var full = Stopwatch.StartNew();
    await iptables.RestoreAsync(rules.Input, CancellationToken.None);
    full.Stop();
    Console.WriteLine($"services={services} endpoints={endpoints} rules={rules.RuleCount} input={rules.Input.Length / 1024} KiB");
    Console.WriteLine($"full sync (empty tables): render {render.ElapsedMilliseconds} ms, iptables-restore {full.ElapsedMilliseconds} ms");

    // One more service: what an event-driven sync costs when the tables are already full (the whole ruleset
    // again). As in the proxier, the chain set comes from the previous render, not from iptables-save; the listing
    // is timed on its own because first and periodic syncs still pay it.
    ports.Add(Port(services));
    var chainsWatch = Stopwatch.StartNew();
    await iptables.ChainsAsync("nat", CancellationToken.None);
    chainsWatch.Stop();
    render.Restart();
    rules = IptablesRenderer.Render(ports, rules.NatChains, options);
    render.Stop();
    var again = Stopwatch.StartNew();
    await iptables.RestoreAsync(rules.Input, CancellationToken.None);
    again.Stop();
    Console.WriteLine($"+1 service sync: render {render.ElapsedMilliseconds} ms + iptables-restore {again.ElapsedMilliseconds} ms = {render.ElapsedMilliseconds + again.ElapsedMilliseconds} ms (iptables-save, paid by first and periodic syncs only: {chainsWatch.ElapsedMilliseconds} ms)");
}

// nftables: the same steps as NftablesProxier (render with its cache, diff against the last applied ruleset, one nft -f).
async Task NftablesAsync(HostCommand host, List<ServicePort> ports)
{
    var nft = new NftablesClient(host);
    var table = new NftablesNames("KUBE-").Table;
    var options = new NftablesRenderOptions { ClusterCidr = "10.244.0.0/16" };
    var cache = new NftablesRenderCache();

    var render = Stopwatch.StartNew();
    var desired = NftablesRenderer.Render(ports, options, cache);
    var script = NftablesScript.Build(table, null, desired, NftObjects.None);
    render.Stop();
    var full = Stopwatch.StartNew();
    await nft.ApplyAsync(script, CancellationToken.None);
    full.Stop();
    Console.WriteLine($"services={services} endpoints={endpoints} chains={desired.Chains.Count} rules={desired.RuleCount} script={script.Length / 1024} KiB");
    Console.WriteLine($"full sync (empty table): render {render.ElapsedMilliseconds} ms + nft -f {full.ElapsedMilliseconds} ms = {render.ElapsedMilliseconds + full.ElapsedMilliseconds} ms");

    // +1 service, incremental: only the new chains and map elements are written.
    ports.Add(Port(services));
    render.Restart();
    var next = NftablesRenderer.Render(ports, options, cache);
    var delta = NftablesScript.Build(table, desired, next, null);
    render.Stop();
    var again = Stopwatch.StartNew();
    await nft.ApplyAsync(delta, CancellationToken.None);
    again.Stop();
    Console.WriteLine($"+1 service sync (incremental): render+diff {render.ElapsedMilliseconds} ms + nft -f {again.ElapsedMilliseconds} ms = {render.ElapsedMilliseconds + again.ElapsedMilliseconds} ms ({delta.Length} bytes)");

    // One endpoint of one service changes: the service chain is rewritten, one endpoint chain replaced.
    ports[0] = ports[0] with { Endpoints = [.. ports[0].Endpoints.Skip(1), new Endpoint("10.250.0.9", 8080, true, true, false, false)] };
    render.Restart();
    var changed = NftablesRenderer.Render(ports, options, cache);
    delta = NftablesScript.Build(table, next, changed, null);
    render.Stop();
    again.Restart();
    await nft.ApplyAsync(delta, CancellationToken.None);
    again.Stop();
    Console.WriteLine($"endpoint change sync (incremental): render+diff {render.ElapsedMilliseconds} ms + nft -f {again.ElapsedMilliseconds} ms = {render.ElapsedMilliseconds + again.ElapsedMilliseconds} ms");

    // A full sync on a full table: what the first sync of a restarted proxy costs (list, then rewrite everything);
    // the hourly full resync skips the listing.
    var periodic = Stopwatch.StartNew();
    var existing = await nft.ObjectsAsync(table, CancellationToken.None);
    var listed = periodic.ElapsedMilliseconds;
    await nft.ApplyAsync(NftablesScript.Build(table, null, changed, existing), CancellationToken.None);
    periodic.Stop();
    Console.WriteLine($"full resync of a full table: nft list {listed} ms (restart only) + render/apply {periodic.ElapsedMilliseconds - listed} ms (also hourly) = {periodic.ElapsedMilliseconds} ms");
}

ServicePort Port(int i) => new()
{
    Namespace = "bench",
    Name = $"svc-{i}",
    PortName = "",
    Protocol = "TCP",
    ClusterIP = $"10.{96 + i / 65536}.{i / 256 % 256}.{i % 256}",
    Port = 80,
    Endpoints = Enumerable.Range(0, endpoints).Select(e => new Endpoint($"10.244.{i / 256 % 256}.{(i + e) % 250 + 2}", 8080, true, true, false, false)).ToList(),
};
