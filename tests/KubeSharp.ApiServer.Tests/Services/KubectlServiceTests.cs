using System.Text.Json;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Services;

/// <summary>Services through the real kubectl: its generators, expose, and the get table.</summary>
public sealed class KubectlServiceTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private KubectlRunner K => f.Kubectl;

    [Fact]
    public async Task CreateServiceGeneratorsGetAddressesAndNodePorts()
    {
        var ns = await f.NewNamespaceAsync("kcsvc");
        Assert.Contains("service/web created", await K.OkAsync($"create service clusterip web -n {ns} --tcp=80:8080"));
        Assert.Contains("service/np created", await K.OkAsync($"create service nodeport np -n {ns} --tcp=80:8080 --node-port=30080"));
        Assert.Contains("service/auto created", await K.OkAsync($"create service nodeport auto -n {ns} --tcp=443:8443"));
        Assert.Contains("service/hl created", await K.OkAsync($"create service clusterip hl -n {ns} --clusterip=None --tcp=80:80"));

        var table = await K.OkAsync($"get svc -n {ns}");
        Assert.Matches(@"NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE", table);
        Assert.Matches(@"web\s+ClusterIP\s+10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+\s+<none>\s+80/TCP\s+\d+s", table);
        Assert.Matches(@"np\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:30080/TCP\s+\d+s", table);
        Assert.Matches(@"auto\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+443:3\d{4}/TCP\s+\d+s", table);
        Assert.Matches(@"hl\s+ClusterIP\s+None\s+<none>\s+80/TCP\s+\d+s", table);

        var dup = await K.RunAsync($"create service nodeport np2 -n {ns} --tcp=80:8080 --node-port=30080");
        Assert.NotEqual(0, dup.ExitCode);
        Assert.Contains("Service \"np2\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated", dup.Stderr);
    }

    [Fact]
    public async Task ExposeADeploymentAsNodePort()
    {
        var ns = await f.NewNamespaceAsync("kexpose");
        await K.OkAsync($"create deployment web -n {ns} --image=nginx --port=80");
        Assert.Contains("service/web exposed", await K.OkAsync($"expose deployment web -n {ns} --port=8080 --target-port=80 --type=NodePort"));
        var svc = JsonDocument.Parse(await K.OkAsync($"get svc web -n {ns} -o json")).RootElement.GetProperty("spec");
        Assert.Equal("web", svc.GetProperty("selector").GetProperty("app").GetString());
        var port = svc.GetProperty("ports")[0];
        Assert.Equal(8080, port.GetProperty("port").GetInt32());
        Assert.Equal(80, port.GetProperty("targetPort").GetInt32());
        Assert.InRange(port.GetProperty("nodePort").GetInt32(), 30000, 32767);
        Assert.StartsWith("10.", svc.GetProperty("clusterIP").GetString());

        var table = await K.OkAsync($"get svc web -n {ns}");
        Assert.Matches($@"web\s+NodePort\s+{svc.GetProperty("clusterIP").GetString()!.Replace(".", "\\.")}\s+<none>\s+8080:{port.GetProperty("nodePort").GetInt32()}/TCP", table);
    }

    [Fact]
    public async Task TheKubernetesServiceIsListed()
    {
        var table = await K.OkAsync("get svc kubernetes -n default");
        Assert.Matches(@"kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443/TCP", table);
        var ep = JsonDocument.Parse(await K.OkAsync("get endpoints kubernetes -n default -o json")).RootElement;
        Assert.Equal(f.Host.AdvertiseAddress.ToString(), ep.GetProperty("subsets")[0].GetProperty("addresses")[0].GetProperty("ip").GetString());
    }

    [Fact]
    public async Task ApplyTwiceKeepsTheAllocatedValues()
    {
        var ns = await f.NewNamespaceAsync("kapply");
        var manifest = $"apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n  namespace: {ns}\nspec:\n  type: NodePort\n  selector:\n    app: app\n  ports:\n  - port: 80\n";
        await K.OkAsync("apply -f -", manifest);
        var first = JsonDocument.Parse(await K.OkAsync($"get svc app -n {ns} -o json")).RootElement.GetProperty("spec");
        await K.OkAsync("apply -f -", manifest.Replace("port: 80", "port: 81"));
        var second = JsonDocument.Parse(await K.OkAsync($"get svc app -n {ns} -o json")).RootElement.GetProperty("spec");
        Assert.Equal(first.GetProperty("clusterIP").GetString(), second.GetProperty("clusterIP").GetString());
        Assert.Equal(81, second.GetProperty("ports")[0].GetProperty("port").GetInt32());
        Assert.Equal(first.GetProperty("ports")[0].GetProperty("nodePort").GetInt32(), second.GetProperty("ports")[0].GetProperty("nodePort").GetInt32());

        // Server-side apply keeps them too: the applier never owned them.
        var ssa = manifest.Replace("name: app", "name: ssa");
        await K.OkAsync("apply --server-side -f -", ssa);
        var before = JsonDocument.Parse(await K.OkAsync($"get svc ssa -n {ns} -o json")).RootElement.GetProperty("spec");
        await K.OkAsync("apply --server-side -f -", ssa.Replace("port: 80", "port: 82"));
        var after = JsonDocument.Parse(await K.OkAsync($"get svc ssa -n {ns} -o json")).RootElement.GetProperty("spec");
        Assert.Equal(before.GetProperty("clusterIP").GetString(), after.GetProperty("clusterIP").GetString());
        Assert.Equal(82, after.GetProperty("ports")[0].GetProperty("port").GetInt32());
    }
}
