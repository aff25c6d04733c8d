using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// A pod's resolver configuration as upstream's dns.Configurer builds it. ClusterFirst: the cluster DNS servers,
/// search &lt;ns&gt;.svc.&lt;domain&gt;, svc.&lt;domain&gt;, &lt;domain&gt; plus the host's search domains, ndots:5 (hostNetwork
/// pods fall back to Default unless ClusterFirstWithHostNet). Default: the host's resolv.conf. None: only
/// spec.dnsConfig, which is merged into the others (servers and searches appended, options by name).
/// </summary>
internal sealed class DnsConfigurer(IReadOnlyList<string> clusterDns, string clusterDomain, string resolvConfPath)
{
    private const int MaxSearches = 32;

    public DNSConfig For(V1Pod pod)
    {
        var policy = pod.Spec.DnsPolicy ?? "ClusterFirst";
        var hostNetwork = pod.Spec.HostNetwork == true;
        if (policy == "ClusterFirst" && hostNetwork) policy = "Default";
        if (policy == "ClusterFirstWithHostNet") policy = "ClusterFirst";
        if (policy == "ClusterFirst" && clusterDns.Count == 0) policy = "Default";

        var config = new DNSConfig();
        var host = ReadHost();
        switch (policy)
        {
            case "ClusterFirst":
                config.Servers.Add(clusterDns);
                var ns = pod.Metadata.NamespaceProperty;
                config.Searches.Add([$"{ns}.svc.{clusterDomain}", $"svc.{clusterDomain}", clusterDomain]);
                config.Searches.Add(host.Searches.Where(s => !config.Searches.Contains(s)));
                config.Options.Add("ndots:5");
                break;
            case "Default":
                config.Servers.Add(host.Servers);
                config.Searches.Add(host.Searches);
                config.Options.Add(host.Options);
                break;
        }
        if (pod.Spec.DnsConfig is { } extra)
        {
            foreach (var server in extra.Nameservers ?? []) if (!config.Servers.Contains(server)) config.Servers.Add(server);
            foreach (var search in extra.Searches ?? []) if (!config.Searches.Contains(search)) config.Searches.Add(search);
            foreach (var option in extra.Options ?? [])
            {
                var text = option.Value == null ? option.Name : $"{option.Name}:{option.Value}";
                var existing = config.Options.Select((o, i) => (o, i)).FirstOrDefault(p => p.o.Split(':')[0] == option.Name);
                if (existing.o != null) config.Options[existing.i] = text;
                else config.Options.Add(text);
            }
        }
        while (config.Searches.Count > MaxSearches) config.Searches.RemoveAt(config.Searches.Count - 1);
        return config;
    }

    private (List<string> Servers, List<string> Searches, List<string> Options) ReadHost()
    {
        var servers = new List<string>();
        var searches = new List<string>();
        var options = new List<string>();
        try
        {
            foreach (var raw in File.ReadLines(resolvConfPath))
            {
                var line = raw.Split('#', ';')[0].Trim();
                var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 2) continue;
                switch (fields[0])
                {
                    case "nameserver": servers.Add(fields[1]); break;
                    case "search": searches = [.. fields.Skip(1)]; break;
                    case "domain": searches = [fields[1]]; break;
                    case "options": options.AddRange(fields.Skip(1)); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No host resolver: pods get none either (upstream does the same with an empty resolv.conf).
        }
        return (servers, searches, options);
    }
}
