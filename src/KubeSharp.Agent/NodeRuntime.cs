using KubeSharp.Agent.Containerd;
using KubeSharp.Agent.Host;
using KubeSharp.Agent.Images;
using KubeSharp.Agent.Network;
using KubeSharp.Agent.Registries;
using KubeSharp.Kubelet.Cri;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent;

/// <summary>
/// A node's container runtime, ready for the kubelet: host prerequisites checked, the CNI conflist written,
/// containerd started and supervised (or an external endpoint used), and the local images plus every archive in
/// the images dir imported. The steps run in this order because containerd reports NetworkReady only once it
/// finds a CNI config, and images can be imported only into a running containerd.
/// </summary>
public sealed partial class NodeRuntime : IAsyncDisposable
{
    private NodeRuntime(AgentOptions options, ContainerdProcess? containerd, GrpcCriClient cri)
    {
        Options = options;
        Containerd = containerd;
        Cri = cri;
    }

    public AgentOptions Options { get; }

    /// <summary>The agent's own containerd; null when <see cref="AgentOptions.ContainerRuntimeEndpoint"/> is set.</summary>
    public ContainerdProcess? Containerd { get; }

    /// <summary>CRI client for the runtime (both the runtime and the image service).</summary>
    public GrpcCriClient Cri { get; }

    public static async Task<NodeRuntime> StartAsync(AgentOptions options, ILoggerFactory loggerFactory, TimeProvider? time, CancellationToken ct)
    {
        options.Validate();
        HostPrerequisites.Ensure(options);
        var logger = loggerFactory.CreateLogger<NodeRuntime>();
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        var cniPath = CniConfig.Write(options);
        if (options.ContainerRuntimeEndpoint is null)
        {
            // Mirrors and TLS settings; containerd reads them at each pull (the credentials go into its config).
            RegistryHostsWriter.Write(RegistriesConfigLoader.Load(options.RegistriesConfigPath), options.RegistryConfigDir, logger);
        }
        LogCni(logger, cniPath, options.BridgeName, options.PodCidr);
        var local = new LocalImages(options, loggerFactory.CreateLogger<LocalImages>());
        var localImages = await local.BuildAsync(ct);
        var imagesBuilt = clock.GetElapsedTime(started);

        ContainerdProcess? containerd = null;
        if (options.ContainerRuntimeEndpoint is null)
            containerd = await ContainerdProcess.StartAsync(options, loggerFactory.CreateLogger<ContainerdProcess>(), time, ct);
        var cri = GrpcCriClient.Create(options.CriEndpoint);
        var runtime = new NodeRuntime(options, containerd, cri);
        var runtimeReady = clock.GetElapsedTime(started);
        try
        {
            var version = await cri.VersionAsync(ct);
            LogRuntime(logger, version.RuntimeName, version.RuntimeVersion, options.CriEndpoint);
            var importer = new ImageImporter(GrpcCriClient.ParseEndpoint(options.CriEndpoint), loggerFactory.CreateLogger<ImageImporter>());
            var pending = new List<string>();
            foreach (var (reference, archive) in localImages)
            {
                // After an agent restart the local images are usually there already: skip the ctr round trip.
                if ((await cri.ImageStatusAsync(new Kubelet.Cri.V1.ImageSpec { Image = reference }, ct))?.Id is { } id && id == OciArchive.ReadImageId(archive))
                    LogPresent(logger, reference);
                else
                    pending.Add(archive);
            }
            pending.AddRange(local.UserArchives());
            // Imports are independent; running them together overlaps ctr's start-up with unpacking.
            await Task.WhenAll(pending.Select(a => importer.ImportAsync(a, ct)));
            var total = clock.GetElapsedTime(started);
            LogStartup(logger, total.TotalMilliseconds, imagesBuilt.TotalMilliseconds, (runtimeReady - imagesBuilt).TotalMilliseconds, (total - runtimeReady).TotalMilliseconds);
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }
        return runtime;
    }

    /// <summary>Stops the own containerd. Pods keep running (as after a containerd restart); removing them first,
    /// so that CNI DEL releases their IPs and iptables rules, is the caller's decision.</summary>
    public async ValueTask DisposeAsync()
    {
        Cri.Dispose();
        if (Containerd is not null) await Containerd.DisposeAsync();
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Wrote CNI config {Path} (bridge {Bridge}, pod CIDR {PodCidr})")]
    private static partial void LogCni(ILogger logger, string path, string bridge, string podCidr);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Node runtime ready in {TotalMs:F0} ms (local images {ImagesMs:F0} ms, containerd start {ContainerdMs:F0} ms, imports {ImportMs:F0} ms)")]
    private static partial void LogStartup(ILogger logger, double totalMs, double imagesMs, double containerdMs, double importMs);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Image {Reference} is already in containerd")]
    private static partial void LogPresent(ILogger logger, string reference);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Container runtime {Name} {Version} at {Endpoint}")]
    private static partial void LogRuntime(ILogger logger, string name, string version, string endpoint);
}
