namespace KubeSharp.Client.Tests.Rest.Kubeconfig;

/// <summary>What a loaded <see cref="KubeSharp.Client.Rest.ClientConfig"/> must hold. <paramref name="Cas"/> names
/// the test CAs ("a", "b") in bundle order.</summary>
public sealed record Want(
    string Server,
    string[] Cas,
    bool ClientCert = false,
    string? Token = null,
    bool Skip = false,
    string? TlsServerName = null,
    string Namespace = "default");

/// <summary>One kubeconfig and what loading it (with an optional --context) gives. <paramref name="OracleAgrees"/>:
/// the official client's loader reads it the same way (false for what it never supported, such as tokenFile).</summary>
public sealed record Sample(Func<TestPki, string> Yaml, string? Context, Want Want, bool OracleAgrees = true);

/// <summary>Kubeconfigs as kubectl, kubeadm and k3s write them, plus the variations the loader must handle.</summary>
public static class KubeconfigSamples
{
    private static string ThreeContexts(TestPki p) => $"""
        apiVersion: v1
        kind: Config
        preferences: {"{"}{"}"}
        clusters:
        - name: dev
          cluster:
            server: https://10.0.0.1:6443
            certificate-authority-data: {p.CaAData}
        - name: prod
          cluster:
            server: https://prod.example.com
            certificate-authority: pki/ca-b.crt
            insecure-skip-tls-verify: true
        users:
        - name: dev-user
          user:
            token: dev-token
        - name: prod-admin
          user:
            client-certificate: pki/client.crt
            client-key: pki/client.key
        contexts:
        - name: dev
          context:
            cluster: dev
            user: dev-user
            namespace: dev-ns
        - name: prod
          context:
            cluster: prod
            user: prod-admin
            namespace: prod-ns
        current-context: dev
        """;

    /// <summary>One cluster "c", user "u" and context "x" (current) with the given field lines.</summary>
    private static string One(string cluster, string user = "token: t", string context = "") => $"""
        clusters:
        - name: c
          cluster:
        {Indent(cluster)}
        users:
        - name: u
          user:
        {Indent(user)}
        contexts:
        - name: x
          context:
            cluster: c
            user: u
        {Indent(context)}
        current-context: x
        """;

    private static string Indent(string lines) =>
        string.Join("\n", lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l));

    public static readonly Dictionary<string, Sample> Valid = new()
    {
        ["inline data"] = new(p => One($"server: https://127.0.0.1:6443\ncertificate-authority-data: {p.CaAData}",
                $"client-certificate-data: {p.ClientCertData}\nclient-key-data: {p.ClientKeyData}"),
            null, new Want("https://127.0.0.1:6443/", ["a"], ClientCert: true)),
        ["absolute file paths"] = new(p => One($"server: https://127.0.0.1:6443\ncertificate-authority: {p.Dir}/pki/ca-a.crt",
                $"client-certificate: {p.Dir}/pki/client.crt\nclient-key: {p.Dir}/pki/client.key"),
            null, new Want("https://127.0.0.1:6443/", ["a"], ClientCert: true)),
        ["paths relative to the kubeconfig"] = new(p => One("server: https://127.0.0.1:6443\ncertificate-authority: pki/ca-a.crt",
                "client-certificate: pki/client.crt\nclient-key: ./pki/client.key", "namespace: team"),
            null, new Want("https://127.0.0.1:6443/", ["a"], ClientCert: true, Namespace: "team")),
        ["CA bundle"] = new(p => One($"server: https://127.0.0.1:6443\ncertificate-authority-data: {p.BundleData}"),
            null, new Want("https://127.0.0.1:6443/", ["a", "b"], Token: "t")),
        ["inline data wins over a file"] = new(p => One($"server: https://127.0.0.1:6443\ncertificate-authority-data: {p.CaAData}\ncertificate-authority: /nonexistent/ca.crt"),
            null, new Want("https://127.0.0.1:6443/", ["a"], Token: "t")),
        ["current-context picks among several"] = new(ThreeContexts,
            null, new Want("https://10.0.0.1:6443/", ["a"], Token: "dev-token", Namespace: "dev-ns")),
        ["--context overrides current-context"] = new(ThreeContexts,
            "prod", new Want("https://prod.example.com/", ["b"], ClientCert: true, Skip: true, Namespace: "prod-ns")),
        ["JSON form with tabs"] = new(p => $$$"""
            {
            	"apiVersion": "v1",
            	"kind": "Config",
            	"clusters": [{"name": "c", "cluster": {"server": "https://127.0.0.1:6443", "certificate-authority-data": "{{{p.CaAData}}}", "insecure-skip-tls-verify": false}}],
            	"users": [{"name": "u", "user": {"token": "json-token"}}],
            	"contexts": [{"name": "x", "context": {"cluster": "c", "user": "u", "namespace": "j"}}],
            	"current-context": "x"
            }
            """,
            null, new Want("https://127.0.0.1:6443/", ["a"], Token: "json-token", Namespace: "j")),
        ["empty namespace means default"] = new(_ => One("server: https://127.0.0.1:6443", context: "namespace: \"\""),
            null, new Want("https://127.0.0.1:6443/", [], Token: "t")),
        ["null namespace means default"] = new(_ => One("server: https://127.0.0.1:6443", context: "namespace: ~"),
            null, new Want("https://127.0.0.1:6443/", [], Token: "t")),
        ["insecure-skip-tls-verify: True"] = new(_ => One("server: https://h\ninsecure-skip-tls-verify: True"),
            null, new Want("https://h/", [], Token: "t", Skip: true)),
        ["insecure-skip-tls-verify: yes"] = new(_ => One("server: https://h\ninsecure-skip-tls-verify: yes"),
            null, new Want("https://h/", [], Token: "t", Skip: true)),
        ["insecure-skip-tls-verify: on"] = new(_ => One("server: https://h\ninsecure-skip-tls-verify: on"),
            null, new Want("https://h/", [], Token: "t", Skip: true)),
        ["insecure-skip-tls-verify: FALSE"] = new(_ => One("server: https://h\ninsecure-skip-tls-verify: FALSE"),
            null, new Want("https://h/", [], Token: "t")),
        ["insecure-skip-tls-verify: off"] = new(_ => One("server: https://h\ninsecure-skip-tls-verify: off"),
            null, new Want("https://h/", [], Token: "t")),
        ["insecure-skip-tls-verify: (null)"] = new(_ => One("server: https://h\ninsecure-skip-tls-verify:"),
            null, new Want("https://h/", [], Token: "t")),
        ["plain http server"] = new(_ => One("server: http://127.0.0.1:8080"),
            null, new Want("http://127.0.0.1:8080/", [], Token: "t")),
        ["tokenFile relative to the kubeconfig, newline trimmed"] = new(_ => One("server: https://h", "tokenFile: pki/token"),
            null, new Want("https://h/", [], Token: "token-from-file"), OracleAgrees: false),
        ["token wins over tokenFile"] = new(_ => One("server: https://h", "token: inline\ntokenFile: /nonexistent/token"),
            null, new Want("https://h/", [], Token: "inline")),
        ["tls-server-name"] = new(_ => One("server: https://10.0.0.1:6443\ntls-server-name: kubernetes.default.svc"),
            null, new Want("https://10.0.0.1:6443/", [], Token: "t", TlsServerName: "kubernetes.default.svc"), OracleAgrees: false),
        ["unknown fields are ignored"] = new(_ => """
            apiVersion: v1
            kind: Config
            preferences: {colors: true}
            extensions:
            - name: e
              extension: {a: [1, 2]}
            clusters:
            - name: c
              cluster:
                server: https://h
                proxy-url: http://proxy:3128
                disable-compression: true
                extensions: [{name: x, extension: {}}]
            users:
            - name: u
              user:
                token: t
                username: admin
                password: secret
                as: someone
            - name: sso
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: login}
            contexts:
            - name: x
              context: {cluster: c, user: u, extensions: []}
            current-context: x
            """, null, new Want("https://h/", [], Token: "t")),
        ["a plugin user with a token uses the token"] = new(_ => One("server: https://h", "token: t2\nexec: {command: login}"),
            null, new Want("https://h/", [], Token: "t2")),
        ["a context without a user sends no credentials"] = new(_ => """
            clusters: [{name: c, cluster: {server: "https://h"}}]
            contexts: [{name: x, context: {cluster: c}}]
            current-context: x
            """, null, new Want("https://h/", [])),
        ["first of two clusters with one name wins"] = new(_ => """
            clusters:
            - {name: c, cluster: {server: "https://first"}}
            - {name: c, cluster: {server: "https://second"}}
            contexts: [{name: x, context: {cluster: c}}]
            current-context: x
            """, null, new Want("https://first/", [])),
    };

    /// <summary>Files that must be refused, and what the message must say after "PATH: ".</summary>
    public static readonly Dictionary<string, (Func<TestPki, string> Yaml, string? Context, string Message)> Invalid = new()
    {
        ["not YAML"] = (_ => "clusters: [\n  {name: c\n", null, "line "),
        ["clusters is not a list"] = (_ => "clusters:\n  c: {server: x}\n", null, "line 2, column 3: clusters: expected a list, found a mapping"),
        ["top level is a list"] = (_ => "- a\n", null, "line 1, column 1: the top level: expected a mapping, found a list"),
        ["duplicate key"] = (_ => "current-context: a\ncurrent-context: b\n", null, "line 2, column 1: Duplicate key"),
        ["insecure-skip-tls-verify is not a boolean"] = (_ => One("server: https://h\ninsecure-skip-tls-verify: maybe"), null,
            "line 5, column 31: clusters[0].cluster.insecure-skip-tls-verify: \"maybe\" is not a boolean"),
        ["server is a mapping"] = (_ => One("server: {host: h}"), null, "line 4, column 13: clusters[0].cluster.server: expected a string, found a mapping"),
        ["empty file"] = (_ => "", null, "no current-context"),
        ["no current-context"] = (_ => One("server: https://h").Replace("current-context: x", ""), null, "no current-context"),
        ["--context names no context"] = (_ => One("server: https://h"), "nope", "context nope not found"),
        ["context names no cluster"] = (_ => One("server: https://h").Replace("cluster: c", "cluster: gone"), null, "cluster gone not found"),
        ["cluster without server"] = (_ => One("insecure-skip-tls-verify: true"), null, "cluster c has no server"),
        ["server is not a URL"] = (_ => One("server: 10.0.0.1:6443"), null, "cluster c: server \"10.0.0.1:6443\" is not an http(s) URL"),
        ["CA data is not base64"] = (_ => One("server: https://h\ncertificate-authority-data: '%%%'"), null, "cluster c: certificate-authority-data is not valid base64"),
        ["CA file is missing"] = (_ => One("server: https://h\ncertificate-authority: pki/nope.crt"), null, "cluster c: cannot read certificate-authority "),
        ["CA file holds no certificate"] = (_ => One("server: https://h\ncertificate-authority: not-a-cert.pem"), null, "cluster c: certificate-authority holds no certificate"),
        ["client certificate without key"] = (p => One("server: https://h", $"client-certificate-data: {p.ClientCertData}"), null, "user u: client-certificate needs client-key too"),
        ["exec user without a token or certificate"] = (_ => One("server: https://h", "exec: {command: login}"), null, "user u authenticates through an exec plugin"),
        ["auth-provider user without a token or certificate"] = (_ => One("server: https://h", "auth-provider: {name: oidc}"), null, "user u authenticates through an auth-provider plugin"),
    };
}
