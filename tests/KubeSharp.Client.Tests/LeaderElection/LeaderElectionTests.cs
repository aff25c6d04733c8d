using System.Diagnostics;
using k8s.Models;
using KubeSharp.Client.LeaderElection;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.LeaderElection;

[Collection(ApiServerCollection.Name)]
public sealed class LeaderElectionTests(ApiServerFixture f)
{
    /// <summary>Counts leaders from the callbacks and remembers the most that ever led at once.</summary>
    private sealed class LeaderTracker
    {
        private int _leading;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public LeaderCallbacks Callbacks(Action? onStopped = null, Action<string>? onNewLeader = null) => new()
        {
            OnNewLeader = onNewLeader,
            OnStartedLeading = async ct =>
            {
                var now = Interlocked.Increment(ref _leading);
                int seen;
                while ((seen = Volatile.Read(ref _max)) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen)
                {
                }
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            },
            OnStoppedLeading = () =>
            {
                Interlocked.Decrement(ref _leading);
                onStopped?.Invoke();
            },
        };
    }

    private static LeaderElectionConfig Config(string ns, string identity, TimeSpan lease, TimeSpan renew, bool release = false) => new()
    {
        LeaseNamespace = ns,
        LeaseName = "controller",
        Identity = identity,
        LeaseDuration = lease,
        RenewDeadline = renew,
        RetryPeriod = TimeSpan.FromMilliseconds(250),
        ReleaseOnCancel = release,
    };

    [Fact]
    public async Task OneLeadsAndTheOtherTakesOverWhenTheLeaderStopsRenewing()
    {
        var ns = await f.NewNamespaceAsync("le");
        var httpA = new TestHandler();
        using var clientA = f.NewClient(httpA);
        using var clientB = f.NewClient();
        var tracker = new LeaderTracker();
        var lease = TimeSpan.FromSeconds(3);
        var renew = TimeSpan.FromSeconds(2);
        var aStopped = new TaskCompletionSource();
        var a = new LeaderElector(clientA.For<V1Lease>(), Config(ns, "a", lease, renew), tracker.Callbacks(() => aStopped.TrySetResult()));
        var leadersSeenByB = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var b = new LeaderElector(clientB.For<V1Lease>(), Config(ns, "b", lease, renew), tracker.Callbacks(onNewLeader: leadersSeenByB.Enqueue));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var bothLed = false;
        var monitor = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                if (a.IsLeader && b.IsLeader) bothLed = true;
                await Task.Delay(5);
            }
        });

        var runA = a.RunAsync(cts.Token);
        await Eventually.WaitAsync(() => a.IsLeader, "a to lead");
        var runB = b.RunAsync(cts.Token);
        await Eventually.WaitAsync(() => b.Leader == "a", "b to observe a as leader");
        Assert.False(b.IsLeader);

        // a can no longer reach the server: it must step down within its renew deadline, and b may only take
        // over once the lease has gone unrenewed for a whole lease duration.
        var partitioned = Stopwatch.StartNew();
        httpA.Partitioned = true;
        await Eventually.WaitAsync(() => b.IsLeader, "b to take over", TimeSpan.FromSeconds(15));
        var takeover = partitioned.Elapsed;
        Assert.True(aStopped.Task.IsCompleted, "a still led when b took over");
        Assert.True(takeover < lease + TimeSpan.FromSeconds(2), $"takeover took {takeover}");
        await runA; // an elector that lost leadership returns

        var stored = await clientB.For<V1Lease>().GetAsync(ns, "controller");
        Assert.Equal("b", stored.Spec.HolderIdentity);
        Assert.Equal(1, stored.Spec.LeaseTransitions);
        Assert.Equal(["a", "b"], leadersSeenByB);
        Assert.Equal(3, stored.Spec.LeaseDurationSeconds);

        await cts.CancelAsync();
        await runB;
        await monitor;
        Assert.False(bothLed);
        Assert.Equal(1, tracker.Max);
    }

    [Fact]
    public async Task ReleaseOnCancelLetsTheNextCandidateLeadWithoutWaitingOutTheLease()
    {
        var ns = await f.NewNamespaceAsync("release");
        using var client = f.NewClient();
        var tracker = new LeaderTracker();
        var lease = TimeSpan.FromSeconds(30);
        var renew = TimeSpan.FromSeconds(20);
        var a = new LeaderElector(client.For<V1Lease>(), Config(ns, "a", lease, renew, release: true), tracker.Callbacks());
        var b = new LeaderElector(client.For<V1Lease>(), Config(ns, "b", lease, renew), tracker.Callbacks());
        using var ctsA = new CancellationTokenSource();
        using var ctsB = new CancellationTokenSource();
        var runA = a.RunAsync(ctsA.Token);
        await Eventually.WaitAsync(() => a.IsLeader, "a to lead");
        var runB = b.RunAsync(ctsB.Token);
        await Eventually.WaitAsync(() => b.Leader == "a", "b to observe a");

        var released = Stopwatch.StartNew();
        await ctsA.CancelAsync();
        await runA;
        Assert.False(a.IsLeader);
        await Eventually.WaitAsync(() => b.IsLeader, "b to lead after the release", TimeSpan.FromSeconds(10));
        Assert.True(released.Elapsed < TimeSpan.FromSeconds(5), $"takeover took {released.Elapsed}");

        await ctsB.CancelAsync();
        await runB;
        Assert.Equal(1, tracker.Max);
    }

    [Fact]
    public void RejectsTimingsThatCouldLetTwoLead()
    {
        var callbacks = new LeaderCallbacks { OnStartedLeading = _ => Task.CompletedTask };
        using var client = new KubeClient(new ClientConfig { Server = new Uri("https://127.0.0.1:1") });
        Assert.Throws<ArgumentException>(() => new LeaderElector(client.For<V1Lease>(),
            Config("ns", "a", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)), callbacks));
    }
}
