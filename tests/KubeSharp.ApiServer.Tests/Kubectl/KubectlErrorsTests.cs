using System.Text.Json;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Kubectl;

/// <summary>How validation, immutability and apply conflicts look through kubectl.</summary>
public sealed class KubectlErrorsTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private KubectlRunner K => f.Kubectl;

    [Fact]
    public async Task InvalidObjectIs422WithFieldCauses()
    {
        var manifest = """
            apiVersion: v1
            kind: Pod
            metadata: {name: Bad_Name, namespace: default}
            spec:
              restartPolicy: Sometimes
              containers:
              - name: c
            """;
        var r = await K.RunAsync("create -f -", manifest);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("The Pod \"Bad_Name\" is invalid:", r.Stderr);
        Assert.Contains("metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", r.Stderr);
        Assert.Contains("spec.containers[0].image: Required value", r.Stderr);
        Assert.Contains("spec.restartPolicy: Unsupported value: \"Sometimes\"", r.Stderr);
    }

    [Fact]
    public async Task ImmutableSelectorCannotChange()
    {
        var ns = await f.NewNamespaceAsync("kimm");
        await K.OkAsync($"create deployment web -n {ns} --image=busybox");
        var r = await K.RunAsync($"patch deployment web -n {ns} --type=merge -p '{{\"spec\":{{\"selector\":{{\"matchLabels\":{{\"app\":\"other\"}}}},\"template\":{{\"metadata\":{{\"labels\":{{\"app\":\"other\"}}}}}}}}}}'");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("is invalid", r.Stderr);
        Assert.Contains("spec.selector", r.Stderr);
        Assert.Contains("field is immutable", r.Stderr);
    }

    [Fact]
    public async Task ServerSideApplyConflictsWithAnotherManagerUnlessForced()
    {
        var ns = await f.NewNamespaceAsync("kssa");
        var manifest = $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shared
              namespace: {{ns}}
            data:
              key: one
            """;
        await K.OkAsync("apply --server-side --field-manager=team-a -f -", manifest);
        var conflict = await K.RunAsync("apply --server-side --field-manager=team-b -f -", manifest.Replace("one", "two"));
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("conflict", conflict.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("team-a", conflict.Stderr);
        Assert.Contains(".data.key", conflict.Stderr);

        await K.OkAsync("apply --server-side --field-manager=team-b --force-conflicts -f -", manifest.Replace("one", "two"));
        var cm = JsonDocument.Parse(await K.OkAsync($"get configmap shared -n {ns} -o json --show-managed-fields")).RootElement;
        Assert.Equal("two", cm.GetProperty("data").GetProperty("key").GetString());
        var managers = cm.GetProperty("metadata").GetProperty("managedFields").EnumerateArray().Select(m => m.GetProperty("manager").GetString()).ToList();
        Assert.Contains("team-b", managers);
    }

    [Fact]
    public async Task UnknownFieldIsRejectedByStrictValidation()
    {
        var manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: typo, namespace: default}
            dta: {a: b}
            """;
        var r = await K.RunAsync("create -f -", manifest);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("unknown field \"dta\"", r.Stderr);
        var warn = await K.RunAsync("create --validate=warn -f -", manifest);
        Assert.Equal(0, warn.ExitCode);
        Assert.Contains("unknown field \"dta\"", warn.Stderr);
    }
}
