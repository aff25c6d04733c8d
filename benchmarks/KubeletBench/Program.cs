using System.Diagnostics;
using System.Globalization;
using System.Text;
using KubeSharp.Benchmarks.KubeletBench;

// The kubelet's overhead over the container runtime (issue "Node agent", Performance): the CRI-only floor and the
// kubelet path measured in the same run, on the same machine, with the same pods. See docs/benchmarks.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"KubeletBench: {e.Message}");
    Console.Error.WriteLine("usage: KubeletBench [--single-runs 5] [--burst-pods 30] [--bursts 3] [--warmup-bursts 0] [--rest-pods 100] [--rest-seconds 30] [--build aot|jit] [--cli kubesharp.dll|kubesharp-node] [--markdown FILE] [--agent-env NAME=VALUE]... [--agent-arg ARG]... [--agent-log FILE] [--hold-seconds N]");
    return 2;
}
if (Environment.UserName != "root")
{
    Console.Error.WriteLine("KubeletBench needs root (containerd, CNI, cgroups)");
    return 2;
}

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var cli = options.Cli ?? await BuildCliAsync(options.Build, cts.Token);
var load0 = File.ReadAllText("/proc/loadavg").Split(' ')[0];
var cri = await new CriFloor(options).RunAsync(cts.Token);
var kubelet = await new KubeletPath(options, cli).RunAsync(cts.Token);
var load1 = File.ReadAllText("/proc/loadavg").Split(' ')[0];

string S(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture) + " s";
string P(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";
var criSingle = Stats.Median(cri.Single);
var kubeletSingle = Stats.Median(kubelet.Single);
var rows = new List<(string Target, string Measured, bool Pass, string Notes)>
{
    ("1 pod: kubelet ≤ CRI + 0.25 s", $"{S(kubeletSingle)} vs CRI {S(criSingle)} (+{S(kubeletSingle - criSingle)})", kubeletSingle <= criSingle + 0.25,
        $"medians of {options.SingleRuns}; kubelet runs {string.Join(", ", kubelet.Single.Select(S))}; CRI runs {string.Join(", ", cri.Single.Select(S))}"),
    ($"{options.BurstPods} pods at once: last ≤ 1.15 × CRI", $"{S(kubelet.BurstLast)} vs CRI {S(cri.BurstLast)} (× {(kubelet.BurstLast / cri.BurstLast).ToString("F2", CultureInfo.InvariantCulture)})",
        kubelet.BurstLast <= 1.15 * cri.BurstLast,
        $"medians of {options.Bursts} bursts; kubelet {string.Join(", ", kubelet.BurstLasts.Select(S))}; CRI {string.Join(", ", cri.BurstLasts.Select(S))} (CRI p50 {S(cri.BurstP50)})"),
    ($"{options.BurstPods} pods: p50 ≤ 60 % of the last", $"{S(kubelet.BurstP50)} = {P(kubelet.BurstP50 / kubelet.BurstLast)}", kubelet.BurstP50 <= 0.6 * kubelet.BurstLast,
        $"pods become Running progressively; p50 of each burst {string.Join(", ", kubelet.BurstP50s.Select(S))}"),
    ("kubelet CPU ≤ 10 % of the runtime's in the burst", $"{P(kubelet.BurstKubeletCpu / kubelet.BurstRuntimeCpu)}", kubelet.BurstKubeletCpu <= 0.1 * kubelet.BurstRuntimeCpu,
        $"over the {options.Bursts} bursts: agent process {kubelet.BurstKubeletCpu.ToString("F2", CultureInfo.InvariantCulture)} CPU-s, containerd + shims {kubelet.BurstRuntimeCpu.ToString("F2", CultureInfo.InvariantCulture)} CPU-s (CRI-only burst: {cri.BurstRuntimeCpu.ToString("F2", CultureInfo.InvariantCulture)} CPU-s)"),
    ($"at rest with {kubelet.RestPods} pods: ≤ 2 % of a core", P(kubelet.RestCpuFraction), kubelet.RestCpuFraction <= 0.02, $"over {options.RestSeconds} s, PLEG relist every 1 s included"),
    ($"RSS ≤ 60 MB with {kubelet.RestPods} pods", $"{kubelet.RestRssBytes / 1_000_000.0:F1} MB", kubelet.RestRssBytes <= 60_000_000, "VmRSS of the agent process (kubelet; containerd is its own process)"),
};
var table = new StringBuilder();
table.AppendLine("| target | measured | result | notes |");
table.AppendLine("|---|---|---|---|");
foreach (var (target, measured, pass, notes) in rows) table.AppendLine($"| {target} | {measured} | {(pass ? "pass" : "FAIL")} | {notes} |");
table.AppendLine();
table.AppendLine($"load average {load0} → {load1}; {Environment.ProcessorCount} CPUs; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
table.AppendLine($"agent: {cli}");
if (options.AgentEnv.Count > 0) table.AppendLine($"agent environment: {string.Join(' ', options.AgentEnv)}");
if (options.AgentArgs.Count > 0) table.AppendLine($"agent arguments: {string.Join(' ', options.AgentArgs)}");
var burstCalls = kubelet.BurstRuntimeCalls.Values.Sum();
table.AppendLine();
table.AppendLine($"CRI calls by the kubelet in the {options.Bursts} bursts of {options.BurstPods} pods: {burstCalls} ({(double)burstCalls / (options.BurstPods * options.Bursts):F1} a pod): " +
    string.Join(", ", kubelet.BurstRuntimeCalls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
Console.WriteLine();
Console.Write(table);
if (options.Markdown is not null) await File.AppendAllTextAsync(options.Markdown, table.ToString());
return rows.All(r => r.Pass) ? 0 : 1;

static async Task<string> BuildCliAsync(string build, CancellationToken ct)
{
    var root = Directory.GetCurrentDirectory();
    while (!File.Exists(Path.Combine(root, "KubeSharp.slnx")))
        root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from the repository, or pass --cli path/to/kubesharp.dll");
    if (build == "aot")
    {
        // What a worker node runs with ./kubesharp-node: the Native AOT binary, compiled by the same script.
        Console.WriteLine("compiling kubesharp-node (scripts/publish-node.sh) ...");
        var psi = new ProcessStartInfo(Path.Combine(root, "scripts", "publish-node.sh")) { RedirectStandardOutput = true };
        using var publish = Process.Start(psi) ?? throw new InvalidOperationException("could not start scripts/publish-node.sh");
        var path = (await publish.StandardOutput.ReadToEndAsync(ct)).Trim();
        await publish.WaitForExitAsync(ct);
        if (publish.ExitCode != 0) throw new InvalidOperationException("kubesharp-node publish failed");
        return path;
    }
    var output = Path.Combine(root, "artifacts", "kubeletbench-cli");
    // Built as ./kubesharp builds it (ReadyToRun), since that is what `kubesharp agent` runs.
    Console.WriteLine($"publishing src/KubeSharp (Release, ReadyToRun) into {output} ...");
    using var dotnetPublish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "KubeSharp"), "-c", "Release", "-r", "linux-x64",
        "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "q"]))
        ?? throw new InvalidOperationException("could not start dotnet build");
    await dotnetPublish.WaitForExitAsync(ct);
    if (dotnetPublish.ExitCode != 0) throw new InvalidOperationException("CLI build failed");
    return Path.Combine(output, "kubesharp.dll");
}
