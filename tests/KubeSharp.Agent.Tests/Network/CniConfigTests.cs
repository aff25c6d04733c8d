using System.Text.Json.Nodes;
using KubeSharp.Agent.Network;

namespace KubeSharp.Agent.Tests.Network;

public sealed class CniConfigTests
{
    private static readonly AgentOptions Options = new() { DataDir = "/tmp/ks-cni", BridgeName = "ksabc123", PodCidr = "10.233.7.0/24" };

    [Fact]
    public void Conflist_has_bridge_with_host_local_ipam_then_portmap()
    {
        var conf = JsonNode.Parse(CniConfig.Render(Options))!;
        Assert.Equal("1.0.0", (string?)conf["cniVersion"]);
        Assert.Equal("kubesharp", (string?)conf["name"]);
        var plugins = conf["plugins"]!.AsArray();
        Assert.Equal(2, plugins.Count);

        var bridge = plugins[0]!;
        Assert.Equal("bridge", (string?)bridge["type"]);
        Assert.Equal("ksabc123", (string?)bridge["bridge"]);
        Assert.True((bool)bridge["isGateway"]!);
        Assert.True((bool)bridge["ipMasq"]!);
        Assert.True((bool)bridge["hairpinMode"]!);
        var ipam = bridge["ipam"]!;
        Assert.Equal("host-local", (string?)ipam["type"]);
        Assert.Equal("10.233.7.0/24", (string?)ipam["ranges"]![0]![0]!["subnet"]);
        Assert.Equal("/tmp/ks-cni/cni/ipam", (string?)ipam["dataDir"]);

        var portmap = plugins[1]!;
        Assert.Equal("portmap", (string?)portmap["type"]);
        Assert.True((bool)portmap["capabilities"]!["portMappings"]!);
    }

    /// <summary>The exact bytes containerd reads: pinned so a change in how the JSON is built cannot change the file.</summary>
    [Fact]
    public void Conflist_text_is_pinned()
    {
        Assert.Equal("""
            {
              "cniVersion": "1.0.0",
              "name": "kubesharp",
              "plugins": [
                {
                  "type": "bridge",
                  "bridge": "ksabc123",
                  "isGateway": true,
                  "ipMasq": true,
                  "hairpinMode": true,
                  "ipam": {
                    "type": "host-local",
                    "ranges": [
                      [
                        {
                          "subnet": "10.233.7.0/24"
                        }
                      ]
                    ],
                    "routes": [
                      {
                        "dst": "0.0.0.0/0"
                      }
                    ],
                    "dataDir": "/tmp/ks-cni/cni/ipam"
                  }
                },
                {
                  "type": "portmap",
                  "capabilities": {
                    "portMappings": true
                  },
                  "snat": true
                }
              ]
            }

            """, CniConfig.Render(Options));
    }

    [Fact]
    public void Write_replaces_the_file_atomically_and_leaves_no_temp_file()
    {
        var dir = TestHost.TempDir("ks-cni");
        try
        {
            var options = Options with { DataDir = dir };
            var path = CniConfig.Write(options);
            CniConfig.Write(options with { PodCidr = "10.233.8.0/24" });
            Assert.Equal(Path.Combine(options.CniConfDir, "10-kubesharp.conflist"), path);
            Assert.Equal([path], Directory.GetFiles(options.CniConfDir));
            Assert.Contains("10.233.8.0/24", File.ReadAllText(path));
            Assert.True(Directory.Exists(options.CniDataDir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
