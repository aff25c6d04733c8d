using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KubeSharp.Agent.Images;

namespace KubeSharp.Agent.Tests.Images;

public sealed class OciImageBuilderTests
{
    /// <summary>The archive's files by name.</summary>
    internal static Dictionary<string, byte[]> ReadArchive(byte[] archive)
    {
        var files = new Dictionary<string, byte[]>();
        using var reader = new TarReader(new MemoryStream(archive));
        while (reader.GetNextEntry() is { } e)
        {
            var ms = new MemoryStream();
            e.DataStream?.CopyTo(ms);
            files[e.Name] = ms.ToArray();
        }
        return files;
    }

    internal static byte[] Blob(Dictionary<string, byte[]> files, string digest) => files["blobs/sha256/" + digest["sha256:".Length..]];

    internal static List<TarEntry> LayerEntries(byte[] layerGz, out byte[] layerTar)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(new MemoryStream(layerGz), CompressionMode.Decompress)) gz.CopyTo(ms);
        layerTar = ms.ToArray();
        var entries = new List<TarEntry>();
        using var reader = new TarReader(new MemoryStream(layerTar));
        while (reader.GetNextEntry(copyData: true) is { } e) entries.Add(e);
        return entries;
    }

    private static byte[] Build(string reference = "example.com/team/tool:1.2")
    {
        var b = new OciImageBuilder { Entrypoint = ["/bin/tool"], Cmd = ["--serve"] };
        b.AddDirectory("bin").AddText("bin/tool", "#!/bin/sh\n", OciImageBuilder.File755).AddSymlink("bin/alias", "tool").AddDirectory("tmp", OciImageBuilder.Tmp1777);
        var output = new MemoryStream();
        b.WriteArchive(reference, output);
        return output.ToArray();
    }

    [Fact]
    public void Archive_is_an_oci_layout_whose_blobs_match_their_digests()
    {
        var files = ReadArchive(Build());
        Assert.Equal("{\"imageLayoutVersion\":\"1.0.0\"}", System.Text.Encoding.UTF8.GetString(files["oci-layout"]));
        foreach (var (name, data) in files.Where(f => f.Key.StartsWith("blobs/", StringComparison.Ordinal)))
            Assert.Equal(name["blobs/sha256/".Length..], Convert.ToHexStringLower(SHA256.HashData(data)));

        var index = JsonNode.Parse(files["index.json"])!;
        var m = index["manifests"]![0]!;
        Assert.Equal(MediaTypes.Manifest, (string?)m["mediaType"]);
        Assert.Equal("example.com/team/tool:1.2", (string?)m["annotations"]!["io.containerd.image.name"]);
        Assert.Equal("1.2", (string?)m["annotations"]!["org.opencontainers.image.ref.name"]);
        var manifestBytes = Blob(files, (string)m["digest"]!);
        Assert.Equal((long)m["size"]!, manifestBytes.Length);

        var manifest = JsonNode.Parse(manifestBytes)!;
        var config = JsonNode.Parse(Blob(files, (string)manifest["config"]!["digest"]!))!;
        Assert.Equal("linux", (string?)config["os"]);
        Assert.Equal("/bin/tool", (string?)config["config"]!["Entrypoint"]![0]);
        Assert.Equal("--serve", (string?)config["config"]!["Cmd"]![0]);

        var layerDescriptor = manifest["layers"]![0]!;
        Assert.Equal(MediaTypes.LayerGzip, (string?)layerDescriptor["mediaType"]);
        var entries = LayerEntries(Blob(files, (string)layerDescriptor["digest"]!), out var layerTar);
        // The config's diff_id is the digest of the uncompressed layer (what the snapshotter verifies).
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(layerTar)), (string?)config["rootfs"]!["diff_ids"]![0]);
        Assert.Equal(["bin/", "bin/tool", "bin/alias", "tmp/"], entries.Select(e => e.Name));
        Assert.Equal("tool", entries[2].LinkName);
        Assert.Equal(TarEntryType.SymbolicLink, entries[2].EntryType);
        Assert.True(entries[3].Mode.HasFlag(UnixFileMode.StickyBit));
    }

    [Fact]
    public void Same_inputs_give_the_same_bytes()
    {
        Assert.Equal(Build(), Build());
    }

    [Theory]
    [InlineData("docker.io/library/busybox:latest", "latest")]
    [InlineData("localhost:5000/app", "latest")]
    [InlineData("localhost:5000/app:v2", "v2")]
    [InlineData("registry.k8s.io/pause:3.10", "3.10")]
    public void Ref_name_annotation_is_the_tag(string reference, string tag)
    {
        Assert.Equal(tag, OciImageBuilder.TagOf(reference));
    }
}

public sealed class OciArchiveTests
{
    [Fact]
    public void Image_id_is_the_config_digest_of_the_single_manifest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ks-oci-{TestHost.Suffix()}.tar");
        try
        {
            var b = new OciImageBuilder { Cmd = ["x"] };
            b.AddText("a", "b");
            using (var f = File.Create(path)) b.WriteArchive("localhost/x:1", f);
            var files = OciImageBuilderTests.ReadArchive(File.ReadAllBytes(path));
            var manifestDigest = (string)JsonNode.Parse(files["index.json"])!["manifests"]![0]!["digest"]!;
            var configDigest = (string?)JsonNode.Parse(OciImageBuilderTests.Blob(files, manifestDigest))!["config"]!["digest"];
            Assert.Equal(configDigest, OciArchive.ReadImageId(path));

            using (var f = File.Create(path))
            using (var w = new TarWriter(f))
                w.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream("[]"u8.ToArray()) });
            Assert.Null(OciArchive.ReadImageId(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
