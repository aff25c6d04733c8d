using KubeSharp.Agent;
using KubeSharp.Agent.Host;
using KubeSharp.Agent.Images;
using KubeSharp.Kubelet.Cri;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// <c>kubesharp image import FILE...</c> and <c>kubesharp image ls</c>: images of the node's containerd (the
/// agent's own, found through --data-dir, or any CRI endpoint given with --container-runtime-endpoint).
/// </summary>
public static class ImageCommand
{
    public const string Usage = """
        Usage:
          kubesharp image import FILE... [flags]   import image archives (OCI layout or docker save tars)
          kubesharp image ls [flags]               list the images the kubelet sees (CRI ListImages)

        Flags:
          --data-dir DIR                        the agent's data dir (default /var/lib/kubesharp/agent)
          --container-runtime-endpoint URL      CRI socket, unix:///path (default: the agent's containerd)
        """;

    /// <summary>Positional arguments after the subcommand are files; everything starting with '-' is a flag.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var positional = new List<string>();
        var flagArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                positional.Add(args[i]);
                continue;
            }
            flagArgs.Add(args[i]);
            if (!args[i].Contains('=') && args[i] is not ("-v" or "--verbose") && i + 1 < args.Length) flagArgs.Add(args[++i]);
        }
        Flags flags;
        try
        {
            flags = Flags.Parse(flagArgs.ToArray());
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\n\n{Usage}");
            return 2;
        }
        var options = new AgentOptions
        {
            DataDir = Path.GetFullPath(flags.Get("data-dir", AgentOptions.DefaultDataDir)),
            ContainerRuntimeEndpoint = flags.Get("container-runtime-endpoint"),
        };
        try
        {
            var socket = GrpcCriClient.ParseEndpoint(options.CriEndpoint);
            if (!File.Exists(socket))
            {
                await Console.Error.WriteLineAsync($"error: no container runtime socket at {socket}: is the agent running with --data-dir {options.DataDir}? " +
                                                   "(or pass --container-runtime-endpoint unix:///path)");
                return 1;
            }
            switch (args[0])
            {
                case "import" when positional.Count > 0:
                    return await ImportAsync(options, positional, flags);
                case "ls" or "list" when positional.Count == 0:
                    return await ListAsync(options);
                default:
                    await Console.Error.WriteLineAsync($"error: unknown or incomplete image command \"{string.Join(' ', args)}\"\n\n{Usage}");
                    return 2;
            }
        }
        catch (Exception e) when (e is CriException or HostPrerequisiteException or InvalidOperationException or FileNotFoundException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(AgentOptions options, List<string> files, Flags flags)
    {
        using var loggerFactory = ConsoleLogging.Create(flags);
        // Each import is reported on stdout; the importer's own log line only with -v.
        var logger = flags.Has("verbose") || flags.Has("v") ? loggerFactory.CreateLogger<ImageImporter>() : (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var importer = new ImageImporter(GrpcCriClient.ParseEndpoint(options.CriEndpoint), logger);
        foreach (var file in files)
        {
            foreach (var name in await importer.ImportAsync(Path.GetFullPath(file), CancellationToken.None))
                Console.WriteLine($"imported {name}");
        }
        return 0;
    }

    private static async Task<int> ListAsync(AgentOptions options)
    {
        using var cri = GrpcCriClient.Create(options.CriEndpoint, new GrpcCriClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });
        Console.Write(ImageTable.Format(await cri.ListImagesAsync(CancellationToken.None)));
        return 0;
    }
}
