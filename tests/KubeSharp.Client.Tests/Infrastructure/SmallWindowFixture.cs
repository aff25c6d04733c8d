namespace KubeSharp.Client.Tests.Infrastructure;

/// <summary>A server whose watch cache keeps only 5 events per resource, so a paused watch falls out of the window.</summary>
public sealed class SmallWindowFixture : ApiServerFixture
{
    protected override int EventWindow => 5;
}
