namespace KubeSharp.Agent.Host;

/// <summary>A host program or file the node needs, and the Debian package that provides it.</summary>
public sealed record HostRequirement(string What, string Package, bool IsFile);

/// <summary>
/// Checks that the node's host programs are installed before anything is started, and fails with one message that
/// names every missing Debian package (scripts/ensure-host.sh installs the same set).
/// </summary>
public static class HostPrerequisites
{
    public static IReadOnlyList<HostRequirement> Required(AgentOptions options)
    {
        List<HostRequirement> list =
        [
            new("runc", "runc", false),
            new("iptables", "iptables", false),
            new("ip", "iproute2", false),
            new("/usr/bin/catatonit", "catatonit", true),
            new("/bin/busybox", "busybox-static", true),
        ];
        if (options.ContainerRuntimeEndpoint is null)
        {
            list.Add(new("containerd", "containerd", false));
            list.Add(new("ctr", "containerd", false));
        }
        foreach (var plugin in (string[])["bridge", "host-local", "portmap", "loopback"])
            list.Add(new(Path.Combine(options.CniBinDir, plugin), "containernetworking-plugins", true));
        return list;
    }

    /// <summary>The requirements that are not met.</summary>
    public static IReadOnlyList<HostRequirement> Missing(IEnumerable<HostRequirement> requirements, string? path = null) =>
        requirements.Where(r => r.IsFile ? !File.Exists(r.What) : FindOnPath(r.What, path) is null).ToList();

    /// <summary>Throws <see cref="HostPrerequisiteException"/> naming the packages to install.</summary>
    public static void Ensure(AgentOptions options)
    {
        var missing = Missing(Required(options));
        if (missing.Count > 0) throw new HostPrerequisiteException(missing);
    }

    /// <summary>The full path of <paramref name="command"/> on PATH (plus the sbin dirs a non-login root shell may lack).</summary>
    public static string? FindOnPath(string command, string? path = null)
    {
        if (command.Contains('/')) return File.Exists(command) ? command : null;
        var dirs = (path ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        foreach (var dir in dirs)
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary><see cref="FindOnPath"/> or a <see cref="HostPrerequisiteException"/> naming the package.</summary>
    public static string Require(string command, string package) =>
        FindOnPath(command) ?? throw new HostPrerequisiteException([new HostRequirement(command, package, false)]);
}

/// <summary>Host programs are missing; the message says what to install.</summary>
public sealed class HostPrerequisiteException(IReadOnlyList<HostRequirement> missing) : Exception(Describe(missing))
{
    public IReadOnlyList<HostRequirement> MissingRequirements { get; } = missing;

    public IReadOnlyList<string> Packages => MissingRequirements.Select(r => r.Package).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Describe(IReadOnlyList<HostRequirement> missing)
    {
        var packages = missing.Select(r => r.Package).Distinct().Order(StringComparer.Ordinal);
        var what = string.Join(", ", missing.Select(r => $"{r.What} ({r.Package})"));
        return $"missing host prerequisites: {what}. Install them with: apt-get install {string.Join(' ', packages)} " +
               "(scripts/ensure-host.sh runtime does this)";
    }
}
