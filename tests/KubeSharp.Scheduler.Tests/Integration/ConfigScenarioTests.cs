using KubeSharp.Scheduler.Config;

namespace KubeSharp.Scheduler.Tests.Integration;

/// <summary>A configuration file with two profiles served by one scheduler process against a real API server.</summary>
public class ConfigScenarioTests
{
    private const string TwoProfiles = """
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        profiles:
        - schedulerName: default-scheduler
        - schedulerName: packer
          plugins:
            score:
              disabled:
              - name: NodeResourcesBalancedAllocation
          pluginConfig:
          - name: NodeResourcesFit
            args:
              scoringStrategy:
                type: MostAllocated
        """;

    [Fact]
    public async Task TwoProfilesOneSpreadsOnePacks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubesharp-sched-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, TwoProfiles);
        try
        {
            var config = SchedulerConfigLoader.Load(path);
            await using var c = await TestCluster.StartAsync(startScheduler: false);
            await c.StartSchedulerAsync(configure: config.ApplyTo);
            await c.AddNodeAsync(Make.Node("n1", cpu: "4"));
            await c.AddNodeAsync(Make.Node("n2", cpu: "4"));
            await c.AddPodAsync(Make.Pod("packed-0", "1", schedulerName: "packer"));
            var first = await c.WaitForNodeAsync("packed-0");
            // MostAllocated puts the next packer pod next to the first; the default profile spreads away from them.
            await c.AddPodAsync(Make.Pod("packed-1", "1", schedulerName: "packer"));
            Assert.Equal(first, await c.WaitForNodeAsync("packed-1"));
            await c.AddPodAsync(Make.Pod("spread", "1"));
            Assert.NotEqual(first, await c.WaitForNodeAsync("spread"));
            Assert.Equal("packer", (await c.WaitForEventAsync("packed-1", "Scheduled")).Source.Component);
            Assert.Equal("default-scheduler", (await c.WaitForEventAsync("spread", "Scheduled")).Source.Component);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
