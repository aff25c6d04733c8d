using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;
using KubeSharp.Proxy.Sync;

// ProxyBench: how long the proxier takes to program N services × E endpoints, measured on the real iptables-restore
// or nft inside a network namespace of its own (held by `unshare --net sleep`, killed at the end).
//   dotnet benchmarks/ProxyBench/bin/Release/net10.0/ProxyBench.dll [services=10000] [endpoints=2] [--mode iptables|nftables|model] [--dump DIR]
// --mode model times only ServiceModelBuilder.Build (what every sync of a running proxy does first) on N Services
// and their EndpointSlices as the informers hold them; no root needed.
// --dump writes every nft transaction to DIR (full.nft, add.nft, endpoint.nft), to time `nft -f` on its own.
var positional = new List<string>();
var mode = "iptables";
string? dump = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--mode" && i + 1 < args.Length) mode = args[++i];
    else if (args[i] == "--dump" && i + 1 < args.Length) dump = args[++i];
    else positional.Add(args[i]);
}
void Dump(string name, string script)
{
    if (dump == null) return;
    Directory.CreateDirectory(dump);
    File.WriteAllText(Path.Combine(dump, name), script);
}
var services = positional.Count > 0 ? int.Parse(positional[0]) : 10_000;
var endpoints = positional.Count > 1 ? int.Parse(positional[1]) : 2;
if (mode is not ("iptables" or "nftables" or "model")) throw new ArgumentException($"unknown mode {mode}");
if (mode == "model")
{
    ModelBuild();
    return;
}

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
    // After the RSS figure: what stays referenced (the render cache, the model) once garbage is collected.
    Console.WriteLine($"retained after a full GC: {GC.GetTotalMemory(true) / (1024 * 1024)} MiB");
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

    // One more service, as the proxier's partial sync (upstream's MinimizeIPTablesRestore): the top-level chains and
    // the new service's chains are written, nothing else. The chain set comes from the previous render, not from
    // iptables-save; the listing is timed on its own because full syncs (first, after a failure, hourly) pay it.
    ports.Add(Port(services));
    var chainsWatch = Stopwatch.StartNew();
    await iptables.ChainsAsync("nat", CancellationToken.None);
    chainsWatch.Stop();
    render.Restart();
    var partial = IptablesRenderer.Render(ports, rules.NatChains, options, rules.ObjectChains);
    render.Stop();
    var again = Stopwatch.StartNew();
    await iptables.RestoreAsync(partial.Input, CancellationToken.None);
    again.Stop();
    Console.WriteLine($"+1 service partial sync: render {render.ElapsedMilliseconds} ms + iptables-restore {again.ElapsedMilliseconds} ms = {render.ElapsedMilliseconds + again.ElapsedMilliseconds} ms ({partial.WrittenChains} chains, {partial.Input.Length / 1024} KiB written; iptables-save, paid by full syncs only: {chainsWatch.ElapsedMilliseconds} ms)");

    // The same change as a full sync (what every sync cost before partial syncs, and what the hourly one costs).
    ports.Add(Port(services + 1));
    render.Restart();
    var whole = IptablesRenderer.Render(ports, partial.NatChains, options);
    render.Stop();
    again.Restart();
    await iptables.RestoreAsync(whole.Input, CancellationToken.None);
    again.Stop();
    Console.WriteLine($"+1 service full sync: render {render.ElapsedMilliseconds} ms + iptables-restore {again.ElapsedMilliseconds} ms = {render.ElapsedMilliseconds + again.ElapsedMilliseconds} ms");
}

// nftables: the same steps as NftablesProxier (a full render with its cache; then deltas: only changed ports are
// rendered and diffed against the cache, which is committed after each successful nft -f).
async Task NftablesAsync(HostCommand host, List<ServicePort> ports)
{
    var nft = new NftablesClient(host);
    var table = new NftablesNames("KUBE-").Table;
    var options = new NftablesRenderOptions { ClusterCidr = "10.244.0.0/16" };
    var cache = new NftablesRenderCache();

    var render = Stopwatch.StartNew();
    var desired = NftablesRenderer.Render(ports, options, cache);
    render.Stop();
    if (dump != null) Dump("full.nft", NftablesScript.Build(table, null, desired, NftObjects.None));
    // As the proxier: the script is written to nft's stdin while it is produced (never one string).
    var full = Stopwatch.StartNew();
    var length = await ApplyStreamingAsync(nft, table, desired, NftObjects.None);
    full.Stop();
    Console.WriteLine($"services={services} endpoints={endpoints} chains={desired.Chains.Count} rules={desired.RuleCount} script={length / 1024} KiB");
    Console.WriteLine($"full sync (empty table): render {render.ElapsedMilliseconds} ms + script streamed to nft -f {full.ElapsedMilliseconds} ms = {render.ElapsedMilliseconds + full.ElapsedMilliseconds} ms");
    // The proxier keeps no whole ruleset between syncs; neither does the benchmark. Like the proxier, it gives the
    // full sync's memory back afterwards (the same helper).
    desired = null;
    ProxyMemory.ReleaseAfterFullSync(ports.Count);

    // The first incremental sync of a process (a periodic one, 30 s after start, unless a change came first): the
    // fixed chains are rewritten, no service is. It also pays the JIT of the incremental path, which the +1
    // service sync of a running proxy does not.
    render.Restart();
    var delta = NftablesRenderer.RenderDelta(ports, options, cache);
    var text = NftablesScript.BuildDelta(table, delta, refreshStatic: true);
    render.Stop();
    var again = Stopwatch.StartNew();
    await nft.ApplyAsync(text, CancellationToken.None);
    again.Stop();
    Console.WriteLine($"first incremental sync (periodic, no change, includes JIT): render+diff {render.Elapsed.TotalMilliseconds:0.0} ms + nft -f {again.ElapsedMilliseconds} ms");
    delta.CommitTo(cache);

    // +1 service, incremental: only the new chains and map elements are written.
    ports.Add(Port(services));
    render.Restart();
    delta = NftablesRenderer.RenderDelta(ports, options, cache);
    text = NftablesScript.BuildDelta(table, delta, refreshStatic: false);
    render.Stop();
    Dump("add.nft", text);
    again.Restart();
    await nft.ApplyAsync(text, CancellationToken.None);
    again.Stop();
    delta.CommitTo(cache);
    Console.WriteLine($"+1 service sync (incremental): render+diff {render.Elapsed.TotalMilliseconds:0.0} ms + nft -f {again.ElapsedMilliseconds} ms = {render.Elapsed.TotalMilliseconds + again.ElapsedMilliseconds:0} ms ({text.Length} bytes)");

    // One endpoint of one service changes: the service chain is rewritten, one endpoint chain replaced.
    ports[0] = ports[0] with { Endpoints = [.. ports[0].Endpoints.Skip(1), new Endpoint("10.250.0.9", 8080, true, true, false, false)] };
    render.Restart();
    delta = NftablesRenderer.RenderDelta(ports, options, cache);
    text = NftablesScript.BuildDelta(table, delta, refreshStatic: false);
    render.Stop();
    Dump("endpoint.nft", text);
    again.Restart();
    await nft.ApplyAsync(text, CancellationToken.None);
    again.Stop();
    delta.CommitTo(cache);
    Console.WriteLine($"endpoint change sync (incremental): render+diff {render.Elapsed.TotalMilliseconds:0.0} ms + nft -f {again.ElapsedMilliseconds} ms = {render.Elapsed.TotalMilliseconds + again.ElapsedMilliseconds:0} ms");

    // A full sync on a full table: what the first sync of a restarted proxy costs (list, then rewrite everything);
    // the hourly full resync skips the listing.
    var periodic = Stopwatch.StartNew();
    var existing = await nft.ObjectsAsync(table, CancellationToken.None);
    var listed = periodic.ElapsedMilliseconds;
    await ApplyStreamingAsync(nft, table, NftablesRenderer.Render(ports, options, cache), existing);
    periodic.Stop();
    Console.WriteLine($"full resync of a full table: nft list {listed} ms (restart only) + render/apply {periodic.ElapsedMilliseconds - listed} ms (also hourly) = {periodic.ElapsedMilliseconds} ms");
    ProxyMemory.ReleaseAfterFullSync(ports.Count);
    var gc = GC.GetGCMemoryInfo();
    Console.WriteLine($"managed heap after the syncs: {GC.GetTotalMemory(false) / (1024 * 1024)} MiB in use, {gc.HeapSizeBytes / (1024 * 1024)} MiB heap, {gc.TotalCommittedBytes / (1024 * 1024)} MiB committed");
}

void ModelBuild()
{
    var svcs = new List<k8s.Models.V1Service>();
    var slices = new List<k8s.Models.V1EndpointSlice>();
    for (var i = 0; i < services; i++)
    {
        var p = Port(i);
        svcs.Add(new k8s.Models.V1Service
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = p.Name, NamespaceProperty = p.Namespace },
            Spec = new k8s.Models.V1ServiceSpec { Type = "ClusterIP", ClusterIP = p.ClusterIP, Ports = [new k8s.Models.V1ServicePort { Port = 80, Protocol = "TCP" }] },
        });
        slices.Add(new k8s.Models.V1EndpointSlice
        {
            AddressType = "IPv4",
            Metadata = new k8s.Models.V1ObjectMeta { Name = p.Name + "-x", NamespaceProperty = p.Namespace, Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = p.Name } },
            Ports = [new k8s.Models.Discoveryv1EndpointPort { Port = 8080, Protocol = "TCP" }],
            Endpoints = p.Endpoints.Select(e => new k8s.Models.V1Endpoint { Addresses = [e.Ip], Conditions = new k8s.Models.V1EndpointConditions { Ready = true }, NodeName = "n" }).ToList(),
        });
    }
    // On a loaded box the fastest of several runs and the CPU time say more than one wall-clock figure.
    var best = double.MaxValue;
    var cpu = new List<double>();
    var count = 0;
    for (var run = 1; run <= 10; run++)
    {
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        count = ServiceModelBuilder.Build(svcs, slices, "n").Count;
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
    }
    cpu.Sort();
    Console.WriteLine($"model build: {services} services → {count} ports, fastest of 10 runs {best:0.0} ms wall, median CPU {cpu[5]:0} ms (process, GC included)");
}

static async Task<long> ApplyStreamingAsync(NftablesClient nft, string table, NftRuleset desired, NftObjects existing)
{
    long length = 0;
    await nft.ApplyAsync(stdin =>
    {
        void Drain(System.Text.StringBuilder sb)
        {
            length += sb.Length;
            foreach (var chunk in sb.GetChunks()) stdin.Write(chunk.Span);
        }
        Drain(NftablesScript.Write(new System.Text.StringBuilder(), table, null, desired, existing, drain: Drain));
    }, CancellationToken.None);
    return length;
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
