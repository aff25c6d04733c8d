namespace KubeSharp.ApiServer.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a generous timeout passes (a loaded 2-core CI machine).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            if (await condition()) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {timeoutSeconds}s waiting for {what}");
            await Task.Delay(200);
        }
    }
}
