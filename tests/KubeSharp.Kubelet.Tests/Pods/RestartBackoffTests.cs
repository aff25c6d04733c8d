using k8s.Models;
using KubeSharp.Kubelet.Cri.Fake;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Kubelet.Tests.Pods;

/// <summary>
/// Crash-loop back-off on a fake clock: the test moves time itself, so the delays are exact. The kubelet's PLEG
/// ticks on the same clock, so the test advances in small steps while it waits for the kubelet to notice an exit.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RestartBackoffTests(ApiServerFixture api)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Crash_loop_back_off_doubles_from_10s_to_a_5m_cap()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            PlegRelistPeriod = TimeSpan.FromSeconds(1),
            NodeStatusUpdateFrequency = TimeSpan.FromHours(1),
            NodeLeaseDuration = TimeSpan.FromHours(1),
        }, clock);
        node.Runtime.Script = _ => FakeContainerScript.Crash(2);
        var ns = await api.NewNamespaceAsync("backoff");
        var created = await node.CreateAsync(node.Pod(ns, "crashy", TestNode.Container("c")));

        // The first exit is restarted at once (upstream); every later one waits the doubled delay.
        await AdvanceUntilAsync(clock, () => node.Runtime.HistoryOf("crashy", "c").Count >= 2, "first immediate restart");
        var expected = new[] { 10, 20, 40, 80, 160, 300, 300 };
        for (var i = 0; i < expected.Length; i++)
        {
            var delay = TimeSpan.FromSeconds(expected[i]);
            var restarts = i + 1;
            var pod = await AdvanceUntilPodAsync(node, clock, created,
                p => p.Status?.ContainerStatuses?.Single() is { RestartCount: var r, State.Waiting.Reason: "CrashLoopBackOff" } && r == restarts,
                $"CrashLoopBackOff after {restarts} restarts");
            var status = pod.Status.ContainerStatuses.Single();
            Assert.StartsWith($"back-off {PodSyncerDuration(delay)} restarting failed container=c pod=crashy_{ns}(", status.State.Waiting.Message);
            Assert.Equal((2, "Error"), (status.LastState.Terminated.ExitCode, status.LastState.Terminated.Reason));
            Assert.Equal("Running", pod.Status.Phase);

            var attempts = node.Runtime.HistoryOf("crashy", "c");
            var finished = attempts[^1].FinishedAt!.Value;
            Assert.True(clock.GetUtcNow() < finished + delay - Step, "the test advanced past the back-off before the kubelet reported it");
            // Just before the deadline nothing restarts...
            clock.SetUtcNow(finished + delay - Step);
            await Task.Delay(300);
            Assert.Equal(attempts.Count, node.Runtime.HistoryOf("crashy", "c").Count);
            // ...and right at it the delayed resync starts the next attempt.
            await AdvanceUntilAsync(clock, () => node.Runtime.HistoryOf("crashy", "c").Count > attempts.Count, $"restart {restarts + 1}");
            var started = node.Runtime.HistoryOf("crashy", "c")[^1].StartedAt!.Value;
            Assert.InRange(started - finished, delay, delay + TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task Back_off_starts_over_after_a_container_ran_for_ten_minutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            PlegRelistPeriod = TimeSpan.FromSeconds(1),
            NodeStatusUpdateFrequency = TimeSpan.FromHours(1),
            NodeLeaseDuration = TimeSpan.FromHours(1),
        }, clock);
        // Attempts 0-2 crash at once; attempt 3 runs 11 minutes; then crashes again.
        node.Runtime.Script = c => c.Attempt == 3 ? FakeContainerScript.Exit(1, TimeSpan.FromMinutes(11)) : FakeContainerScript.Crash(1);
        var ns = await api.NewNamespaceAsync("reset");
        var created = await node.CreateAsync(node.Pod(ns, "p", TestNode.Container("c")));

        await AdvanceUntilAsync(clock, () => node.Runtime.HistoryOf("p", "c").Count >= 4, "attempt 3 started", TimeSpan.FromMinutes(2));
        var all = node.Runtime.HistoryOf("p", "c");
        Assert.InRange(all[3].StartedAt!.Value - all[2].FinishedAt!.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
        // Attempt 3 runs for 11 minutes. Its exit then counts as a first failure again: restarted at once, then 10 s.
        clock.Advance(TimeSpan.FromMinutes(11));
        await AdvanceUntilAsync(clock, () => node.Runtime.HistoryOf("p", "c").Count >= 5, "attempt 4");
        all = node.Runtime.HistoryOf("p", "c");
        Assert.InRange(all[4].StartedAt!.Value - all[3].FinishedAt!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        var pod = await AdvanceUntilPodAsync(node, clock, created,
            p => p.Status?.ContainerStatuses?.Single() is { RestartCount: 4, State.Waiting.Reason: "CrashLoopBackOff" }, "CrashLoopBackOff");
        Assert.StartsWith("back-off 10s ", pod.Status.ContainerStatuses.Single().State.Waiting.Message);
    }

    private static string PodSyncerDuration(TimeSpan d) => KubeSharp.Kubelet.Pods.PodSyncer.GoDuration(d);

    /// <summary>Moves the fake clock in small steps (real time passing in between) until the condition holds.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, string what, TimeSpan? maxFake = null)
    {
        var limit = clock.GetUtcNow() + (maxFake ?? TimeSpan.FromMinutes(1));
        var realDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (clock.GetUtcNow() > limit || DateTime.UtcNow > realDeadline) throw new TimeoutException($"timed out waiting for {what}");
            clock.Advance(Step);
            await Task.Delay(10);
        }
    }

    private static async Task<V1Pod> AdvanceUntilPodAsync(TestNode node, FakeTimeProvider clock, V1Pod pod, Func<V1Pod, bool> accept, string what)
    {
        V1Pod? current = null;
        await AdvanceUntilAsync(clock, () =>
        {
            current = node.GetAsync(pod).GetAwaiter().GetResult();
            return accept(current);
        }, what);
        return current!;
    }
}
