using System.Text.Json.Nodes;

namespace KubeSharp.Agent.Network;

/// <summary>
/// The node's CNI network list, which containerd's CRI plugin loads from the agent's conf dir (max_conf_num = 1):
/// bridge (own bridge, gateway, masquerade, hairpin) with host-local IPAM over the node's pod CIDR, then portmap
/// for hostPort. containerd adds the loopback interface itself.
/// </summary>
public static class CniConfig
{
    public const string CniVersion = "1.0.0";

    /// <summary>The file name; "10-" sorts it first should anyone add another file to the dir.</summary>
    public static string FileName(AgentOptions options) => $"10-{options.NetworkName}.conflist";

    public static string Render(AgentOptions options)
    {
        // Arrays are built through JsonArray's constructor: its collection-initializer Add<T> is the generic,
        // reflection-backed overload, which the Native AOT node build cannot use.
        var bridge = new JsonObject
        {
            ["type"] = "bridge",
            ["bridge"] = options.BridgeName,
            ["isGateway"] = true,
            ["ipMasq"] = true,
            // A pod reaching itself through a service VIP comes back through the bridge port it left by.
            ["hairpinMode"] = true,
            ["ipam"] = new JsonObject
            {
                ["type"] = "host-local",
                ["ranges"] = new JsonArray(new JsonArray(new JsonObject { ["subnet"] = options.PodCidr })),
                ["routes"] = new JsonArray(new JsonObject { ["dst"] = "0.0.0.0/0" }),
                // The default (/var/lib/cni/networks) would be shared by every agent on the machine.
                ["dataDir"] = options.CniDataDir,
            },
        };
        var portmap = new JsonObject
        {
            ["type"] = "portmap",
            ["capabilities"] = new JsonObject { ["portMappings"] = true },
            ["snat"] = true,
        };
        var conf = new JsonObject
        {
            ["cniVersion"] = CniVersion,
            ["name"] = options.NetworkName,
            ["plugins"] = new JsonArray(bridge, portmap),
        };
        return conf.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Writes the conflist atomically: containerd reloads the dir on change and must never see half a file.</summary>
    public static string Write(AgentOptions options)
    {
        var path = Path.Combine(options.CniConfDir, FileName(options));
        Directory.CreateDirectory(options.CniDataDir);
        AtomicFile.WriteAllText(path, Render(options));
        return path;
    }
}
