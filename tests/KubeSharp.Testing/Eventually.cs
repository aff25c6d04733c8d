namespace KubeSharp.Testing;

/// <summary>Waits for a condition with a deadline; tests never sleep a fixed time to let things settle.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    public static Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Polls <paramref name="get"/> until <paramref name="accept"/> holds, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> get, Func<T, bool> accept, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await get();
            if (accept(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}; last value: {Describe(value)}");
            await Task.Delay(50);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        k8s.IKubernetesObject o => k8s.KubernetesJson.Serialize(o),
        _ => value.ToString() ?? "",
    };
}
