using k8s.Models;
using KubeSharp.Scheduler.Plugins.DefaultPreemption;

namespace KubeSharp.Scheduler.Tests.Plugins.DefaultPreemption;

public class CandidateOrderTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Candidates as "node=priority@start,priority@start;node=..." (start in seconds); the expected node.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "lowest highest-victim priority wins over fewer victims", "n1=5@0;n2=1@0,1@0,1@0", "n2" },
        { "then the smallest sum of priorities", "n1=3@0,3@0;n2=3@0,1@0", "n2" },
        { "the sum's 2^31 offset per victim favours fewer victims", "n1=3@0,-100@0;n2=3@0", "n2" },
        { "then the latest start of the highest-priority victims", "n1=3@10,1@50;n2=3@20,1@0", "n2" },
        { "the earliest start among the highest-priority victims counts", "n1=3@5,3@30;n2=3@10,3@10", "n2" },
        { "a full tie goes to the first node name", "n2=1@0;n1=1@0;n3=1@0", "n1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PicksTheNodeAsUpstream(string name, string candidates, string expected)
    {
        var parsed = candidates.Split(';').Select(c =>
        {
            var (node, victims) = (c.Split('=')[0], c.Split('=')[1].Split(','));
            return new Candidate(node, victims.Select((v, i) => Victim($"{node}-{i}", v)).ToList());
        }).ToList();
        var actual = CandidateOrder.Pick(parsed).NodeName;
        Assert.True(expected == actual, $"{name}: {actual}");
    }

    private static V1Pod Victim(string name, string spec)
    {
        var pod = Make.Pod(name, priority: int.Parse(spec.Split('@')[0], System.Globalization.CultureInfo.InvariantCulture));
        pod.Status = new V1PodStatus { StartTime = T0.AddSeconds(int.Parse(spec.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture)) };
        return pod;
    }
}
