namespace KubeSharp.Kubelet.Volumes;

/// <summary>The on-disk layout under the kubelet's root dir (upstream's names).</summary>
internal sealed class PodDirs(string rootDir, string podLogsDir)
{
    public string PodsDir => Path.Combine(rootDir, "pods");

    public string Pod(string uid) => Path.Combine(PodsDir, uid);

    public string Volume(string uid, string plugin, string name) => Path.Combine(Pod(uid), "volumes", plugin, name);

    public string EtcHosts(string uid) => Path.Combine(Pod(uid), "etc-hosts");

    public string TerminationLog(string uid, string container, uint attempt) =>
        Path.Combine(Pod(uid), "containers", container, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string PodLogs(string ns, string name, string uid) => Path.Combine(podLogsDir, $"{ns}_{name}_{uid}");

    public string PodLogsDir => podLogsDir;
}
