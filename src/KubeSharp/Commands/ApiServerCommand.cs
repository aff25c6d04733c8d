using KubeSharp.ApiServer.Hosting;

namespace KubeSharp.Cli.Commands;

/// <summary><c>kubesharp apiserver</c> and, for now, <c>kubesharp server</c>: run the API server until SIGINT/SIGTERM.</summary>
public static class ApiServerCommand
{
    public static async Task<int> RunAsync(Flags flags, string role)
    {
        var dataDir = flags.Get("data-dir", role == "server" ? "/var/lib/kubesharp/server" : "/var/lib/kubesharp/apiserver");
        using var loggerFactory = ConsoleLogging.Create(flags);
        using var stop = new ShutdownSignal();

        ApiServerHost host;
        try
        {
            host = await ApiServerHost.StartAsync(new ApiServerOptions
            {
                DataDir = Path.GetFullPath(dataDir),
                SecurePort = flags.GetInt("secure-port", 6443),
                BindAddress = flags.Get("bind-address", "0.0.0.0"),
                TokenAuthFile = flags.Get("token-auth-file"),
                AdvertiseAddress = flags.Get("advertise-address"),
                ServiceClusterIpRange = flags.Get("service-cluster-ip-range", "10.96.0.0/12"),
                ServiceNodePortRange = flags.Get("service-node-port-range", "30000-32767"),
            }, loggerFactory, stop.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        var components = role == "server"
            ? await ServerComponents.StartAsync(host.KubeconfigPath, flags, Path.GetFullPath(dataDir), loggerFactory, stop.Token)
            : [];
        Console.WriteLine($"KubeSharp {role} ready at {host.Url}");
        Console.WriteLine($"  export KUBECONFIG={host.KubeconfigPath}");
        try
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, host.Stopping);
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
        for (var i = components.Count - 1; i >= 0; i--) await components[i].DisposeAsync();
        await host.DisposeAsync();
        return 0;
    }
}
