using KubeSharp.Agent.Containerd;
using KubeSharp.Agent.Registries;

namespace KubeSharp.Agent.Tests.Registries;

public sealed class RegistriesConfigTests
{
    private const string Sample = """
        mirrors:
          docker.io:
            endpoint:
              - "https://mirror.example.com:5000"
              - "http://10.0.0.7:5000"
          myreg:5000:
            endpoint: ["http://myreg:5000"]
        configs:
          "mirror.example.com:5000":
            auth:
              username: alice
              password: "s3cr\"t"
            tls:
              ca_file: /etc/ssl/mirror-ca.crt
              cert_file: /etc/ssl/client.crt
              key_file: /etc/ssl/client.key
          "10.0.0.7:5000":
            auth:
              auth: Ym9iOnB3
          private.example.com:
            tls:
              insecure_skip_verify: true
        """;

    [Fact]
    public void Parses_the_k3s_format()
    {
        var config = RegistriesConfigLoader.Parse(Sample);
        Assert.Equal(["https://mirror.example.com:5000/", "http://10.0.0.7:5000/"], config.Mirrors["docker.io"].Endpoints.Select(e => e.ToString()));
        Assert.Equal(new RegistryAuth("alice", "s3cr\"t", null, null), config.Configs["mirror.example.com:5000"].Auth);
        Assert.Equal(new RegistryTls("/etc/ssl/mirror-ca.crt", "/etc/ssl/client.crt", "/etc/ssl/client.key", false), config.Configs["mirror.example.com:5000"].Tls);
        Assert.Equal("Ym9iOnB3", config.Configs["10.0.0.7:5000"].Auth!.Auth);
        Assert.True(config.Configs["private.example.com"].Tls!.InsecureSkipVerify);
    }

    [Fact]
    public void Endpoint_without_scheme_means_https()
    {
        var config = RegistriesConfigLoader.Parse("mirrors:\n  quay.io:\n    endpoint: [\"mirror.local:443\"]\n");
        Assert.Equal("https://mirror.local/", config.Mirrors["quay.io"].Endpoints[0].ToString());
    }

    [Theory]
    [InlineData("mirrors:\n  docker.io:\n    endpoints: [\"https://m\"]\n", "line 3")]          // misspelt key
    [InlineData("configs:\n  r:\n    tls:\n      insecure_skip_verfy: true\n", "line 4")]
    [InlineData("mirrors:\n  docker.io:\n    endpoint: [\"ftp://m\"]\n", "not an http(s) URL")]
    [InlineData("mirrors:\n  https://docker.io:\n    endpoint: [\"https://m\"]\n", "not a URL")]
    [InlineData("configs:\n  r:\n    tls:\n      cert_file: /c\n", "both cert_file and key_file")]
    [InlineData("mirrors: [1, 2", "line")]                                                   // not YAML
    public void Bad_files_are_rejected_with_a_message_naming_the_problem(string yaml, string expected)
    {
        var e = Assert.Throws<RegistriesConfigException>(() => RegistriesConfigLoader.Parse(yaml, "/d/registries.yaml"));
        Assert.StartsWith("/d/registries.yaml: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    /// <summary>Unknown keys at every level and values of the wrong shape are refused with the position of the
    /// offending key or value, as the reflection reader before the node-model one refused them.</summary>
    [Theory]
    [InlineData("mirror:\n  docker.io: {}\n", "line 1, column 1: unknown key \"mirror\"")]
    [InlineData("mirrors:\n  docker.io:\n    endpoint: [\"https://m\"]\n    rewrites: {}\n", "line 4, column 5: mirrors \"docker.io\": unknown key \"rewrites\"")]
    [InlineData("configs:\n  r:\n    auth:\n      user: a\n", "line 4, column 7: configs \"r\".auth: unknown key \"user\"")]
    [InlineData("configs:\n  r:\n    creds: {}\n", "line 3, column 5: configs \"r\": unknown key \"creds\"")]
    [InlineData("mirrors:\n  docker.io:\n    endpoint: \"https://m\"\n", "line 3, column 15: mirrors \"docker.io\".endpoint: expected a list, found \"https://m\"")]
    [InlineData("mirrors:\n  docker.io:\n    endpoint: [{url: \"https://m\"}]\n", "line 3, column 16: mirrors \"docker.io\".endpoint[0]: expected a string, found a mapping")]
    [InlineData("mirrors: [docker.io]\n", "line 1, column 10: mirrors: expected a mapping, found a list")]
    [InlineData("configs:\n  r:\n    tls:\n      insecure_skip_verify: maybe\n", "line 4, column 29: configs \"r\".tls.insecure_skip_verify: \"maybe\" is not a boolean")]
    [InlineData("configs:\n  r:\n    tls:\n      ca_file: [a]\n", "line 4, column 16: configs \"r\".tls.ca_file: expected a string, found a list")]
    [InlineData("- docker.io\n", "line 1, column 1: the top level: expected a mapping, found a list")]
    [InlineData("mirrors:\n  docker.io:\n    endpoint: [\"https://m\", ~]\n", "endpoint \"~\" is not an http(s) URL")]
    // The reflection reader kept the last of two equal keys; a repeated registry is a mistake worth an error.
    [InlineData("mirrors:\n  docker.io: {endpoint: [\"https://a\"]}\n  docker.io: {endpoint: [\"https://b\"]}\n", "line 3, column 3: Duplicate key")]
    public void Wrong_keys_and_shapes_name_the_line_and_column(string yaml, string expected)
    {
        var e = Assert.Throws<RegistriesConfigException>(() => RegistriesConfigLoader.Parse(yaml, "/d/registries.yaml"));
        Assert.StartsWith("/d/registries.yaml: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    /// <summary>What the reflection reader accepted implicitly is still accepted: YAML 1.1 booleans in any case
    /// (quoted too), null sections and hosts, numbers where strings go, identitytoken, and rewrites (flagged).</summary>
    [Fact]
    public void Lenient_scalars_and_null_values_are_read_as_before()
    {
        var config = RegistriesConfigLoader.Parse("""
            mirrors:
              docker.io:
              quay.io:
                endpoint:
              ghcr.io:
                endpoint: ["https://m"]
                rewrite:
                  "^library/(.*)": "mirror/$1"
            configs:
              a: {tls: {insecure_skip_verify: yes}}
              b: {tls: {insecure_skip_verify: "True"}}
              c: {tls: {insecure_skip_verify: off}}
              d: {tls: {insecure_skip_verify: ~}}
              e:
              f: {auth: {username: 12345, password: true, identitytoken: tok}}
              g: {auth: ~, tls: {}}
            """);
        Assert.Equal(["docker.io", "quay.io", "ghcr.io"], config.Mirrors.Keys);
        Assert.Empty(config.Mirrors["docker.io"].Endpoints);
        Assert.False(config.Mirrors["docker.io"].HasRewrite);
        Assert.Empty(config.Mirrors["quay.io"].Endpoints);
        Assert.True(config.Mirrors["ghcr.io"].HasRewrite);
        Assert.Equal([true, true, false, false], new[] { "a", "b", "c", "d" }.Select(h => config.Configs[h].Tls!.InsecureSkipVerify));
        Assert.Equal(new RegistryHostConfig(null, null), config.Configs["e"]);
        Assert.Equal(new RegistryAuth("12345", "true", null, "tok"), config.Configs["f"].Auth);
        Assert.Null(config.Configs["g"].Auth);
        Assert.Equal(new RegistryTls(null, null, null, false), config.Configs["g"].Tls);
        Assert.Same(RegistriesConfig.Empty, RegistriesConfigLoader.Parse("# only a comment\n"));
        Assert.Empty(RegistriesConfigLoader.Parse("mirrors: ~\nconfigs:\n").Configs);
    }

    [Fact]
    public void Missing_or_empty_file_means_no_settings()
    {
        Assert.Same(RegistriesConfig.Empty, RegistriesConfigLoader.Load("/nonexistent/registries.yaml"));
        Assert.Empty(RegistriesConfigLoader.Parse("").Mirrors);
    }

    [Fact]
    public void Mirrors_become_hosts_toml_with_the_endpoint_tls_settings()
    {
        var files = RegistryHostsWriter.Render(RegistriesConfigLoader.Parse(Sample));
        var docker = files["docker.io"];
        Assert.Contains("server = \"https://registry-1.docker.io\"", docker);
        Assert.Contains("[host.\"https://mirror.example.com:5000\"]", docker);
        Assert.Contains("[host.\"http://10.0.0.7:5000\"]", docker);
        Assert.Contains("ca = \"/etc/ssl/mirror-ca.crt\"", docker);
        Assert.Contains("client = [[\"/etc/ssl/client.crt\", \"/etc/ssl/client.key\"]]", docker);
        // The mirror endpoints come in the file's order: containerd tries them in that order.
        Assert.True(docker.IndexOf("mirror.example.com", StringComparison.Ordinal) < docker.IndexOf("10.0.0.7", StringComparison.Ordinal));
        // Credentials never land in hosts.toml.
        Assert.DoesNotContain("alice", docker);
    }

    [Fact]
    public void Plain_http_registry_named_in_its_own_images_is_the_server()
    {
        var files = RegistryHostsWriter.Render(RegistriesConfigLoader.Parse(Sample));
        Assert.Contains("server = \"http://myreg:5000\"", files["myreg:5000"]);
        Assert.DoesNotContain("[host.", files["myreg:5000"]);
    }

    [Fact]
    public void A_registry_with_only_tls_settings_gets_its_own_namespace()
    {
        var files = RegistryHostsWriter.Render(RegistriesConfigLoader.Parse(Sample));
        Assert.Equal(["docker.io", "mirror.example.com:5000", "myreg:5000", "private.example.com"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("server = \"https://private.example.com\"", files["private.example.com"]);
        Assert.Contains("skip_verify = true", files["private.example.com"]);
    }

    [Fact]
    public void Credentials_go_into_containerd_config_keyed_by_the_contacted_host()
    {
        var text = ContainerdConfig.Render(new AgentOptions { DataDir = "/tmp/ks-reg" }, RegistriesConfigLoader.Parse(Sample));
        Assert.Contains("[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"mirror.example.com:5000\".auth]", text);
        Assert.Contains("username = \"alice\"", text);
        Assert.Contains("password = \"s3cr\\\"t\"", text);
        Assert.Contains("[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"10.0.0.7:5000\".auth]", text);
        Assert.Contains("auth = \"Ym9iOnB3\"", text);
        Assert.DoesNotContain("private.example.com", text);
    }

    [Fact]
    public void Write_replaces_namespaces_of_an_earlier_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ks-regd-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            RegistryHostsWriter.Write(RegistriesConfigLoader.Parse(Sample), dir);
            Assert.True(File.Exists(Path.Combine(dir, "myreg:5000", "hosts.toml")));
            RegistryHostsWriter.Write(RegistriesConfigLoader.Parse("mirrors:\n  quay.io:\n    endpoint: [\"https://q\"]\n"), dir);
            Assert.Equal(["quay.io"], Directory.GetDirectories(dir).Select(Path.GetFileName));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
