using KubeSharp.Agent.Host;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent.Images;

/// <summary>
/// Imports image archives (OCI layout or docker-save tars) into containerd's <c>k8s.io</c> namespace, the one its
/// CRI plugin serves, so the kubelet sees them through ListImages/ImageStatus. Goes through <c>ctr</c>, which
/// ships with containerd and unpacks into the snapshotter the CRI plugin uses.
/// </summary>
public sealed partial class ImageImporter(string containerdSocket, ILogger logger)
{
    public const string CriNamespace = "k8s.io";

    /// <summary>Imports one archive; returns the image names ctr reports.</summary>
    public async Task<IReadOnlyList<string>> ImportAsync(string archive, CancellationToken ct)
    {
        if (!File.Exists(archive)) throw new FileNotFoundException($"image archive {archive} does not exist", archive);
        var ctr = HostPrerequisites.Require("ctr", "containerd");
        // --all-platforms: import archives built for other platforms too (the kubelet pulls by name, not by platform),
        // and --no-unpack=false by default, so the snapshot is ready before the first container starts.
        var output = await HostCommand.RunCheckedAsync(ctr,
            ["--address", containerdSocket, "--namespace", CriNamespace, "images", "import", "--all-platforms", archive],
            TimeSpan.FromMinutes(10), ct);
        var names = ParseImportOutput(output);
        LogImported(logger, archive, string.Join(", ", names));
        return names;
    }

    /// <summary>ctr prints "unpacking NAME (sha256:…)...done" per image.</summary>
    internal static IReadOnlyList<string> ParseImportOutput(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("unpacking ", StringComparison.Ordinal))
            .Select(l => l["unpacking ".Length..].Split(' ')[0])
            .ToList();

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Imported {Archive}: {Images}")]
    private static partial void LogImported(ILogger logger, string archive, string images);
}
