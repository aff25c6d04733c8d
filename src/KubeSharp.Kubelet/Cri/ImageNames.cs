namespace KubeSharp.Kubelet.Cri;

/// <summary>Docker-style reference normalization, as containerd applies it ("busybox" → "docker.io/library/busybox:latest").</summary>
internal static class ImageNames
{
    public static string Normalize(string image)
    {
        if (image.StartsWith("sha256:", StringComparison.Ordinal)) return image;
        var name = image;
        var slash = name.IndexOf('/');
        var first = slash < 0 ? "" : name[..slash];
        var hasRegistry = slash >= 0 && (first.Contains('.') || first.Contains(':') || first == "localhost");
        if (!hasRegistry) name = "docker.io/" + (slash < 0 ? "library/" + name : name);
        var lastSlash = name.LastIndexOf('/');
        var tail = name[(lastSlash + 1)..];
        if (!tail.Contains(':') && !tail.Contains('@')) name += ":latest";
        return name;
    }
}
