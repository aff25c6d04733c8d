using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;

// ProxyBench: how long the iptables proxier takes to program N services × E endpoints, measured on the real
// iptables-restore inside a network namespace of its own (held by `unshare --net sleep`, killed at the end).
//   dotnet benchmarks/ProxyBench/bin/Release/net10.0/ProxyBench.dll [services=10000] [endpoints=2]
var services = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var endpoints = args.Length > 1 ? int.Parse(args[1]) : 2;

var holder = Process.Start(new ProcessStartInfo("unshare", ["--net", "--", "sleep", "infinity"]) { UseShellExecute = false })!;
try
{
    await Task.Delay(200);
    var host = new HostCommand(["nsenter", $"--net=/proc/{holder.Id}/ns/net"]);
    var iptables = new IptablesClient(host);
    var options = new RenderOptions { Chains = new ChainNames("KUBE-"), ClusterCidr = "10.244.0.0/16" };
    var ports = Enumerable.Range(0, services).Select(Port).ToList();

    var render = Stopwatch.StartNew();
    var rules = IptablesRenderer.Render(ports, new HashSet<string>(), options);
    render.Stop();
    var full = Stopwatch.StartNew();
    await iptables.RestoreAsync(rules.Input, CancellationToken.None);
    full.Stop();
    Console.WriteLine($"services={services} endpoints={endpoints} rules={rules.RuleCount} input={rules.Input.Length / 1024} KiB");
    Console.WriteLine($"full sync (empty tables): render {render.ElapsedMilliseconds} ms, iptables-restore {full.ElapsedMilliseconds} ms");

    // One more service: what an event-driven sync costs when the tables are already full (today: the whole
    // ruleset again). As in the proxier, the chain set comes from the previous render, not from iptables-save;
    // the listing is timed on its own because first and periodic syncs still pay it.
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
    Console.WriteLine($"proxy process RSS {Environment.WorkingSet / (1024 * 1024)} MiB");
}
finally
{
    holder.Kill();
    await holder.WaitForExitAsync();
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
