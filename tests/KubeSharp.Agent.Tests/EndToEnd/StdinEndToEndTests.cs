using System.Diagnostics;
using k8s.Models;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// stdin's end reaches the container with the real kubectl (WebSocket v5.channel.k8s.io) through the API server and
/// the kubelet, which speaks SPDY to containerd's streaming server: `echo hello | kubectl exec -i pod -- cat` ends.
/// Each kubectl run is bounded by a timeout: a lost EOF shows up as a hang, which fails the test.
/// </summary>
public sealed class StdinEndToEndTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Exec_with_piped_stdin_sees_its_end_and_exits_with_the_commands_code()
    {
        var ns = await node.NewNamespaceAsync("stdin");
        try
        {
            await node.RunPodAsync(Pod(ns, "sh", Busybox("sh", "sleep 3600")));

            var cat = await node.Kubectl.RunAsync(["exec", "-i", "-n", ns, "sh", "--", "cat"], "hello\n", Bound);
            Assert.True(cat.ExitCode == 0, cat.Stderr);
            Assert.Equal("hello\n", cat.Stdout);

            // More than one SPDY data frame (32 KiB each) of input, counted by the container after its end.
            var big = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}\n"));
            var wc = await node.Kubectl.RunAsync(["exec", "-i", "-n", ns, "sh", "--", "wc", "-c"], big, Bound);
            Assert.True(wc.ExitCode == 0, wc.Stderr);
            Assert.Equal(big.Length.ToString(), wc.Stdout.Trim());

            // The exit code still travels on the error channel; stderr and stdout stay apart.
            var failed = await node.Kubectl.RunAsync(["exec", "-i", "-n", ns, "sh", "--", "sh", "-c", "cat; echo err >&2; exit 4"], "in\n", Bound);
            Assert.Equal(4, failed.ExitCode);
            Assert.Equal("in\n", failed.Stdout);
            Assert.Contains("err", failed.Stderr);

            // Empty stdin: the command sees EOF at once.
            var empty = await node.Kubectl.RunAsync(["exec", "-i", "-n", ns, "sh", "--", "sh", "-c", "cat; echo done"], "", Bound);
            Assert.True(empty.ExitCode == 0, empty.Stderr);
            Assert.Equal("done\n", empty.Stdout);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Attach_with_piped_stdin_closes_a_stdinOnce_containers_stdin()
    {
        var ns = await node.NewNamespaceAsync("stdin-attach");
        try
        {
            // stdinOnce: the container's stdin closes when the first attached client's stdin ends (upstream).
            var reader = Busybox("reader", "while read line; do echo got $line; done; echo stdin closed; sleep 3600");
            reader.Stdin = true;
            reader.StdinOnce = true;
            await node.RunPodAsync(Pod(ns, "reader", reader));

            using var attach = Process.Start(node.Kubectl.StartInfo(["attach", "-i", "-n", ns, "reader", "-c", "reader"]))!;
            try
            {
                _ = attach.StandardOutput.ReadToEndAsync();
                _ = attach.StandardError.ReadToEndAsync();
                // Give kubectl time to attach before the input arrives and ends (attach only shows output from then on).
                await Task.Delay(TimeSpan.FromSeconds(3));
                await attach.StandardInput.WriteAsync("one\ntwo\n");
                attach.StandardInput.Close();
                var log = await Eventually.ValueAsync(() => node.Kubectl.OkAsync("logs", "-n", ns, "reader"), l => l.Contains("stdin closed"),
                    "the container to see the end of stdin", TimeSpan.FromSeconds(45));
                Assert.Equal("got one\ngot two\nstdin closed\n", log);
            }
            finally
            {
                if (!attach.HasExited) attach.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}
