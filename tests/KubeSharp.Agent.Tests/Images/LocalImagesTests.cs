using System.Formats.Tar;
using System.Text.Json.Nodes;
using KubeSharp.Agent.Images;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Agent.Tests.Images;

public sealed class LocalImagesTests : IDisposable
{
    private readonly AgentOptions _options = new() { DataDir = TestHost.TempDir("ks-img") };

    public void Dispose() => Directory.Delete(_options.DataDir, recursive: true);

    [Fact]
    public async Task Pause_and_busybox_archives_have_the_expected_contents_and_config()
    {
        var built = await new LocalImages(_options, NullLogger.Instance).BuildAsync(CancellationToken.None);
        Assert.Equal(
            [new LocalImage(LocalImages.PauseImage, Path.Combine(_options.ImageCacheDir, "pause.tar")), new LocalImage(LocalImages.BusyboxImage, Path.Combine(_options.ImageCacheDir, "busybox.tar"))],
            built);
        var archives = built.Select(b => b.Archive).ToList();

        var (pauseConfig, pauseEntries) = Open(archives[0], LocalImages.PauseImage);
        Assert.Equal(["/catatonit", "-P"], pauseConfig["Entrypoint"]!.AsArray().Select(n => (string)n!));
        var catatonit = Assert.Single(pauseEntries, e => e.Name == "catatonit");
        Assert.Equal(new FileInfo(LocalImages.CatatonitPath).Length, catatonit.Length);

        var (busyboxConfig, busyboxEntries) = Open(archives[1], LocalImages.BusyboxImage);
        Assert.Equal(["sh"], busyboxConfig["Cmd"]!.AsArray().Select(n => (string)n!));
        Assert.Contains(busyboxEntries, e => e.Name == "bin/busybox" && e.EntryType == TarEntryType.RegularFile);
        foreach (var applet in (string[])["sh", "wget", "httpd", "sleep"])
            Assert.Contains(busyboxEntries, e => e.Name == "bin/" + applet && e.EntryType == TarEntryType.SymbolicLink && e.LinkName == "busybox");
    }

    [Fact]
    public async Task Archives_are_reused_until_the_source_binary_changes()
    {
        var images = new LocalImages(_options, NullLogger.Instance);
        var pause = (await images.BuildAsync(CancellationToken.None))[0].Archive;
        var built = File.GetLastWriteTimeUtc(pause);
        File.SetLastWriteTimeUtc(pause, built.AddHours(-1));

        await images.BuildAsync(CancellationToken.None);
        Assert.Equal(built.AddHours(-1), File.GetLastWriteTimeUtc(pause));

        // A stamp from another catatonit (the package was upgraded) forces a rebuild.
        var stamp = pause + ".stamp";
        File.WriteAllText(stamp, File.ReadAllText(stamp).Replace("sha256:", "sha256:0"));
        await images.BuildAsync(CancellationToken.None);
        Assert.NotEqual(built.AddHours(-1), File.GetLastWriteTimeUtc(pause));
    }

    private static (JsonNode Config, List<TarEntry> Entries) Open(string archive, string reference)
    {
        var files = OciImageBuilderTests.ReadArchive(File.ReadAllBytes(archive));
        var m = JsonNode.Parse(files["index.json"])!["manifests"]![0]!;
        Assert.Equal(reference, (string?)m["annotations"]!["io.containerd.image.name"]);
        var manifest = JsonNode.Parse(OciImageBuilderTests.Blob(files, (string)m["digest"]!))!;
        var config = JsonNode.Parse(OciImageBuilderTests.Blob(files, (string)manifest["config"]!["digest"]!))!;
        var entries = OciImageBuilderTests.LayerEntries(OciImageBuilderTests.Blob(files, (string)manifest["layers"]![0]!["digest"]!), out _);
        return (config["config"]!, entries);
    }
}
