namespace KubeSharp.Proxy;

/// <summary>How the proxy programs the node (upstream's --proxy-mode).</summary>
public enum ProxyMode
{
    /// <summary>iptables-restore into the nat and filter tables (the default, as upstream).</summary>
    Iptables,
    /// <summary>One nftables table of our own, written with <c>nft -f -</c> (upstream's nftables mode).</summary>
    Nftables,
}

public static class ProxyModes
{
    public static ProxyMode Parse(string text) => text switch
    {
        "iptables" or "" => ProxyMode.Iptables,
        "nftables" => ProxyMode.Nftables,
        _ => throw new ArgumentException($"unsupported proxy mode \"{text}\" (iptables or nftables)"),
    };

    public static string Name(this ProxyMode mode) => mode == ProxyMode.Nftables ? "nftables" : "iptables";
}
