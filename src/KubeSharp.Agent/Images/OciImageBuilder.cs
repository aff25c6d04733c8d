using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace KubeSharp.Agent.Images;

/// <summary>
/// Builds a single-layer image as an OCI image layout archive (<c>oci-layout</c>, <c>index.json</c>,
/// <c>blobs/sha256/…</c>), the format <c>ctr images import</c> and skopeo read. Entries get fixed owners and
/// timestamps, so the same inputs give the same layer digest (the image id stays stable across rebuilds).
/// </summary>
public sealed class OciImageBuilder
{
    private static readonly DateTimeOffset FixedTime = DateTimeOffset.FromUnixTimeSeconds(946684800); // 2000-01-01
    private readonly List<Action<TarWriter>> _entries = [];

    public IReadOnlyList<string>? Entrypoint { get; set; }
    public IReadOnlyList<string>? Cmd { get; set; }
    public List<string> Env { get; } = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];
    public string WorkingDir { get; set; } = "/";

    public OciImageBuilder AddDirectory(string path, UnixFileMode mode = Dir755) =>
        Add(new UstarTarEntry(TarEntryType.Directory, path.TrimEnd('/') + "/") { Mode = mode });

    public OciImageBuilder AddFile(string path, string sourcePath, UnixFileMode mode = File755) =>
        Add(new UstarTarEntry(TarEntryType.RegularFile, path) { Mode = mode }, () => File.OpenRead(sourcePath));

    public OciImageBuilder AddText(string path, string contents, UnixFileMode mode = File644) =>
        Add(new UstarTarEntry(TarEntryType.RegularFile, path) { Mode = mode }, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(contents)));

    public OciImageBuilder AddSymlink(string path, string target) =>
        Add(new UstarTarEntry(TarEntryType.SymbolicLink, path) { LinkName = target, Mode = (UnixFileMode)0x1FF });

    public const UnixFileMode Dir755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    public const UnixFileMode File755 = Dir755;
    public const UnixFileMode File644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    public const UnixFileMode Tmp1777 = Dir755 | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.StickyBit;

    private OciImageBuilder Add(UstarTarEntry entry, Func<Stream>? data = null)
    {
        entry.ModificationTime = FixedTime;
        entry.Uid = 0;
        entry.Gid = 0;
        entry.UserName = "root";
        entry.GroupName = "root";
        _entries.Add(writer =>
        {
            if (data is null)
            {
                writer.WriteEntry(entry);
                return;
            }
            using var stream = data();
            entry.DataStream = stream;
            writer.WriteEntry(entry);
        });
        return this;
    }

    /// <summary>Writes the image, named <paramref name="reference"/> (e.g. docker.io/library/busybox:latest), to <paramref name="output"/>.</summary>
    public void WriteArchive(string reference, Stream output)
    {
        var layerTar = new MemoryStream();
        using (var writer = new TarWriter(layerTar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var write in _entries) write(writer);
        }
        var diffId = Digest(layerTar.ToArray());
        var layerGz = new MemoryStream();
        using (var gz = new GZipStream(layerGz, CompressionLevel.Optimal, leaveOpen: true))
        {
            layerTar.Position = 0;
            layerTar.CopyTo(gz);
        }
        var layer = layerGz.ToArray();

        var imageConfig = new JsonObject { ["Env"] = ToArray(Env), ["WorkingDir"] = WorkingDir };
        if (Entrypoint is not null) imageConfig["Entrypoint"] = ToArray(Entrypoint);
        if (Cmd is not null) imageConfig["Cmd"] = ToArray(Cmd);
        var config = Json(new JsonObject
        {
            ["created"] = FixedTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["architecture"] = GoArch(),
            ["os"] = "linux",
            ["config"] = imageConfig,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            ["history"] = new JsonArray(new JsonObject { ["created"] = FixedTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["created_by"] = "kubesharp agent" }),
        });
        var manifest = Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.Manifest,
            ["config"] = Descriptor(MediaTypes.Config, config),
            ["layers"] = new JsonArray(Descriptor(MediaTypes.LayerGzip, layer)),
        });
        var manifestDescriptor = Descriptor(MediaTypes.Manifest, manifest);
        manifestDescriptor["platform"] = new JsonObject { ["architecture"] = GoArch(), ["os"] = "linux" };
        manifestDescriptor["annotations"] = new JsonObject
        {
            // containerd names the imported image after this annotation; other tools read the OCI ref name.
            ["io.containerd.image.name"] = reference,
            ["org.opencontainers.image.ref.name"] = TagOf(reference),
        };
        var index = Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.Index,
            ["manifests"] = new JsonArray(manifestDescriptor),
        });

        using var archive = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        WriteBytes(archive, "oci-layout", Json(new JsonObject { ["imageLayoutVersion"] = "1.0.0" }));
        WriteBytes(archive, "index.json", index);
        foreach (var blob in (byte[][])[layer, config, manifest])
            WriteBytes(archive, "blobs/sha256/" + Digest(blob)["sha256:".Length..], blob);
    }

    /// <summary>The tag (or digest) part of a reference: what the OCI ref-name annotation holds.</summary>
    internal static string TagOf(string reference)
    {
        var at = reference.IndexOf('@');
        if (at >= 0) return reference[(at + 1)..];
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? reference[(colon + 1)..] : "latest";
    }

    internal static string GoArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        Architecture.X86 => "386",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        var other => other.ToString().ToLowerInvariant(),
    };

    internal static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    private static JsonObject Descriptor(string mediaType, byte[] blob) =>
        new() { ["mediaType"] = mediaType, ["digest"] = Digest(blob), ["size"] = blob.Length };

    private static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static byte[] Json(JsonObject o) => System.Text.Encoding.UTF8.GetBytes(o.ToJsonString());

    private static void WriteBytes(TarWriter writer, string name, byte[] data)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = File644,
            ModificationTime = FixedTime,
            DataStream = new MemoryStream(data),
        };
        writer.WriteEntry(entry);
    }
}

/// <summary>OCI media types of the blobs the builder writes.</summary>
public static class MediaTypes
{
    public const string Index = "application/vnd.oci.image.index.v1+json";
    public const string Manifest = "application/vnd.oci.image.manifest.v1+json";
    public const string Config = "application/vnd.oci.image.config.v1+json";
    public const string LayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
}
