using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.ControllerManager.Tests.Shared;

public sealed class ControllerExpectationsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Unknown_key_is_satisfied() => Assert.True(new ControllerExpectations(_time).Satisfied("ns/a"));

    [Fact]
    public void Creations_are_satisfied_once_all_are_observed()
    {
        var e = new ControllerExpectations(_time);
        e.ExpectCreations("ns/a", 2);
        e.CreationObserved("ns/a");
        Assert.False(e.Satisfied("ns/a"));
        e.CreationObserved("ns/a");
        Assert.True(e.Satisfied("ns/a"));
    }

    [Fact]
    public void Only_deletions_of_the_expected_pods_count()
    {
        var e = new ControllerExpectations(_time);
        e.ExpectDeletions("ns/a", ["ns/p1", "ns/p2"]);
        e.DeletionObserved("ns/a", "ns/other");
        e.DeletionObserved("ns/a", "ns/p1");
        Assert.False(e.Satisfied("ns/a"));
        e.DeletionObserved("ns/a", "ns/p1");
        Assert.False(e.Satisfied("ns/a"));
        e.DeletionObserved("ns/a", "ns/p2");
        Assert.True(e.Satisfied("ns/a"));
    }

    [Fact]
    public void Expectations_expire_so_a_lost_event_cannot_wedge_the_controller()
    {
        var e = new ControllerExpectations(_time);
        e.ExpectCreations("ns/a", 1);
        _time.Advance(ControllerExpectations.Timeout - TimeSpan.FromSeconds(1));
        Assert.False(e.Satisfied("ns/a"));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(e.Satisfied("ns/a"));
    }

    [Fact]
    public void Deleting_the_owner_forgets_its_expectations()
    {
        var e = new ControllerExpectations(_time);
        e.ExpectCreations("ns/a", 3);
        e.Delete("ns/a");
        Assert.True(e.Satisfied("ns/a"));
    }
}
