using System.Security.Cryptography;
using KubeSharp.Agent.Host;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent.Images;

/// <summary>A locally built image: its name and the OCI archive holding it.</summary>
public sealed record LocalImage(string Reference, string Archive);

/// <summary>
/// The images a node has without any registry: the pod sandbox ("pause") image from Debian's static catatonit, and
/// busybox from busybox-static. Built once into OCI archives under the data dir (rebuilt when the source binary or
/// the recipe changes), then imported into containerd together with every archive in the images dir.
/// </summary>
public sealed partial class LocalImages(AgentOptions options, ILogger logger)
{
    /// <summary>The name kubelet 1.32 uses for its sandbox image, so manifests and docs that name it keep working.</summary>
    public const string PauseImage = "registry.k8s.io/pause:3.10";
    public const string BusyboxImage = "docker.io/library/busybox:latest";
    public const string CatatonitPath = "/usr/bin/catatonit";
    public const string BusyboxPath = "/bin/busybox";

    /// <summary>Bump when the recipe below changes, so cached archives are rebuilt.</summary>
    private const int RecipeVersion = 1;

    /// <summary>Builds (or reuses) both local image archives: the sandbox image first, then busybox.</summary>
    public async Task<IReadOnlyList<LocalImage>> BuildAsync(CancellationToken ct)
    {
        var pause = await BuildCachedAsync("pause", CatatonitPath, _ => Task.FromResult(PauseRecipe()), options.SandboxImage, ct);
        var busybox = await BuildCachedAsync("busybox", BusyboxPath, BusyboxRecipeAsync, BusyboxImage, ct);
        return [new(options.SandboxImage, pause), new(BusyboxImage, busybox)];
    }

    internal static OciImageBuilder PauseRecipe()
    {
        // catatonit -P: "pause mode", an init that only reaps zombies and waits for a signal.
        var b = new OciImageBuilder { Entrypoint = ["/catatonit", "-P"] };
        b.AddFile("catatonit", CatatonitPath);
        return b;
    }

    internal static async Task<OciImageBuilder> BusyboxRecipeAsync(CancellationToken ct)
    {
        var list = await HostCommand.RunCheckedAsync(BusyboxPath, ["--list"], TimeSpan.FromSeconds(30), ct);
        var b = new OciImageBuilder { Cmd = ["sh"] };
        foreach (var dir in (string[])["bin", "etc", "home", "root", "usr", "usr/bin", "usr/sbin", "sbin", "var", "var/www"])
            b.AddDirectory(dir, dir == "root" ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : OciImageBuilder.Dir755);
        b.AddDirectory("tmp", OciImageBuilder.Tmp1777);
        b.AddFile("bin/busybox", BusyboxPath);
        foreach (var applet in list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (applet is "busybox" || applet.Contains('/')) continue;
            b.AddSymlink("bin/" + applet, "busybox");
        }
        b.AddText("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
        b.AddText("etc/group", "root:x:0:\nnobody:x:65534:\n");
        return b;
    }

    /// <summary>
    /// Returns the cached archive for <paramref name="name"/> when the stamp next to it matches the source binary's
    /// hash, the reference and the recipe version; otherwise builds it (temp file + rename, so a crash mid-build
    /// never leaves a truncated archive that looks valid).
    /// </summary>
    private async Task<string> BuildCachedAsync(string name, string source, Func<CancellationToken, Task<OciImageBuilder>> recipe, string reference, CancellationToken ct)
    {
        if (!File.Exists(source))
            throw new HostPrerequisiteException([new HostRequirement(source, source == CatatonitPath ? "catatonit" : "busybox-static", true)]);
        Directory.CreateDirectory(options.ImageCacheDir);
        var archive = Path.Combine(options.ImageCacheDir, name + ".tar");
        var stampPath = archive + ".stamp";
        string stamp;
        await using (var src = File.OpenRead(source))
            stamp = $"v{RecipeVersion} {reference} sha256:{Convert.ToHexStringLower(await SHA256.HashDataAsync(src, ct))}";
        if (File.Exists(archive) && File.Exists(stampPath) && (await File.ReadAllTextAsync(stampPath, ct)).Trim() == stamp)
        {
            LogCached(logger, reference, archive);
            return archive;
        }
        var builder = await recipe(ct);
        var temp = archive + ".tmp";
        await using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write))
            builder.WriteArchive(reference, output);
        File.Move(temp, archive, overwrite: true);
        await File.WriteAllTextAsync(stampPath, stamp + "\n", ct);
        LogBuilt(logger, reference, archive, source);
        return archive;
    }

    /// <summary>The archives in the user's images dir, in name order (imported after the local ones).</summary>
    public IReadOnlyList<string> UserArchives() =>
        Directory.Exists(options.ImagesDir)
            ? Directory.GetFiles(options.ImagesDir, "*.tar").Order(StringComparer.Ordinal).ToList()
            : [];

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Built image {Reference} from {Source} into {Archive}")]
    private static partial void LogBuilt(ILogger logger, string reference, string archive, string source);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Image {Reference} is up to date in {Archive}")]
    private static partial void LogCached(ILogger logger, string reference, string archive);
}
