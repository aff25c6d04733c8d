using System.Text.Json;
using k8s;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Kubectl;

/// <summary>The real kubectl 1.32 against the server: output and stored state.</summary>
public sealed class KubectlBasicsTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private KubectlRunner K => f.Kubectl;

    [Fact]
    public async Task VersionShowsServer132WithoutSkewWarning()
    {
        var r = await K.RunAsync("version");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Server Version: v1.32.", r.Stdout);
        Assert.DoesNotContain("WARNING", r.Stderr);
    }

    [Fact]
    public async Task ApiResourcesListsKindsWithShortNames()
    {
        var output = await K.OkAsync("api-resources");
        Assert.Matches(@"pods\s+po\s+v1\s+true\s+Pod", output);
        Assert.Matches(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment", output);
        Assert.Matches(@"leases\s+coordination.k8s.io/v1\s+true\s+Lease", output);
        Assert.Matches(@"namespaces\s+ns\s+v1\s+false\s+Namespace", output);
    }

    [Fact]
    public async Task GetNamespacesPrintsTable()
    {
        var output = await K.OkAsync("get ns");
        Assert.Matches(@"NAME\s+STATUS\s+AGE", output);
        Assert.Matches(@"kube-system\s+Active\s+\d+s", output);
    }

    [Fact]
    public async Task GetMissingPrintsUpstreamError()
    {
        var r = await K.RunAsync("get pod nosuch -n default");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Error from server (NotFound): pods \"nosuch\" not found", r.Stderr);
    }

    [Fact]
    public async Task CreateFromFileThenGetAsJsonYamlAndWide()
    {
        var ns = await f.NewNamespaceAsync("kcreate");
        var manifest = $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: {{ns}}
              labels: {app: web}
            spec:
              containers:
              - name: main
                image: busybox:1.36
                ports: [{containerPort: 80}]
            """;
        var created = await K.OkAsync("create -f -", manifest);
        Assert.Contains("pod/web created", created);

        var json = JsonDocument.Parse(await K.OkAsync($"get pod web -n {ns} -o json")).RootElement;
        Assert.Equal("Pod", json.GetProperty("kind").GetString());
        Assert.Equal("IfNotPresent", json.GetProperty("spec").GetProperty("containers")[0].GetProperty("imagePullPolicy").GetString());
        Assert.Equal("TCP", json.GetProperty("spec").GetProperty("containers")[0].GetProperty("ports")[0].GetProperty("protocol").GetString());
        Assert.Equal("Always", json.GetProperty("spec").GetProperty("restartPolicy").GetString());

        var yaml = await K.OkAsync($"get pod web -n {ns} -o yaml");
        Assert.Contains("kind: Pod", yaml);
        Assert.Contains("  name: web", yaml);

        var table = await K.OkAsync($"get pods -n {ns}");
        Assert.Matches(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE", table);
        Assert.Matches(@"web\s+0/1\s+Pending\s+0\s+\d+s", table);
        var wide = await K.OkAsync($"get pods -n {ns} -o wide");
        Assert.Matches(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES", wide);

        var dup = await K.RunAsync("create -f -", manifest);
        Assert.Equal(1, dup.ExitCode);
        Assert.Contains("Error from server (AlreadyExists)", dup.Stderr);
        Assert.Contains("pods \"web\" already exists", dup.Stderr);
    }

    [Fact]
    public async Task LabelAnnotateAndDelete()
    {
        var ns = await f.NewNamespaceAsync("klabel");
        await K.OkAsync($"create configmap c -n {ns} --from-literal=a=1");
        Assert.Contains("configmap/c labeled", await K.OkAsync($"label configmap c -n {ns} tier=web"));
        Assert.Contains("configmap/c annotated", await K.OkAsync($"annotate configmap c -n {ns} note=hello"));
        var json = JsonDocument.Parse(await K.OkAsync($"get configmap c -n {ns} -o json")).RootElement.GetProperty("metadata");
        Assert.Equal("web", json.GetProperty("labels").GetProperty("tier").GetString());
        Assert.Equal("hello", json.GetProperty("annotations").GetProperty("note").GetString());
        Assert.Contains("c", await K.OkAsync($"get configmap -n {ns} -l tier=web -o name"));
        Assert.Contains("configmap \"c\" deleted", await K.OkAsync($"delete configmap c -n {ns}"));
        var r = await K.RunAsync($"get configmap c -n {ns}");
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public async Task PatchWithAllThreeTypes()
    {
        var ns = await f.NewNamespaceAsync("kpatch");
        await K.OkAsync($"create deployment web -n {ns} --image=busybox");
        Assert.Contains("deployment.apps/web patched", await K.OkAsync($"patch deployment web -n {ns} -p '{{\"spec\":{{\"template\":{{\"spec\":{{\"containers\":[{{\"name\":\"busybox\",\"image\":\"busybox:1.36\"}}]}}}}}}}}'"));
        Assert.Contains("patched", await K.OkAsync($"patch deployment web -n {ns} --type=merge -p '{{\"metadata\":{{\"labels\":{{\"m\":\"1\"}}}}}}'"));
        Assert.Contains("patched", await K.OkAsync($"patch deployment web -n {ns} --type=json -p '[{{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}}]'"));
        var d = JsonDocument.Parse(await K.OkAsync($"get deployment web -n {ns} -o json")).RootElement;
        var containers = d.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers");
        Assert.Equal(1, containers.GetArrayLength());
        Assert.Equal("busybox:1.36", containers[0].GetProperty("image").GetString());
        Assert.Equal("1", d.GetProperty("metadata").GetProperty("labels").GetProperty("m").GetString());
        Assert.Equal(3, d.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal(3, d.GetProperty("metadata").GetProperty("generation").GetInt64());
        var noop = await K.OkAsync($"patch deployment web -n {ns} --type=merge -p '{{\"metadata\":{{\"labels\":{{\"m\":\"1\"}}}}}}'");
        Assert.Contains("patched (no change)", noop);
    }

    [Fact]
    public async Task ScaleReplicationControllerAndDeployment()
    {
        var ns = await f.NewNamespaceAsync("kscale");
        var rc = $$"""
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: rc1
              namespace: {{ns}}
            spec:
              replicas: 1
              template:
                metadata:
                  labels: {app: rc1 }
                spec:
                  containers: [{name: c, image: busybox }]
            """;
        await K.OkAsync("create -f -", rc);
        Assert.Contains("replicationcontroller/rc1 scaled", await K.OkAsync($"scale rc/rc1 -n {ns} --replicas=3"));
        var json = JsonDocument.Parse(await K.OkAsync($"get rc rc1 -n {ns} -o json")).RootElement;
        Assert.Equal(3, json.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal("rc1", json.GetProperty("spec").GetProperty("selector").GetProperty("app").GetString());
        await K.OkAsync($"scale rc/rc1 -n {ns} --replicas=0");
        Assert.Equal(0, JsonDocument.Parse(await K.OkAsync($"get rc rc1 -n {ns} -o json")).RootElement.GetProperty("spec").GetProperty("replicas").GetInt32());

        await K.OkAsync($"create deployment web -n {ns} --image=busybox");
        Assert.Contains("deployment.apps/web scaled", await K.OkAsync($"scale deployment web -n {ns} --replicas=5"));
        Assert.Equal(5, JsonDocument.Parse(await K.OkAsync($"get deploy web -n {ns} -o json")).RootElement.GetProperty("spec").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task CreateGeneratorsSendProtobufAndWork()
    {
        var ns = await f.NewNamespaceAsync("kgen");
        Assert.Contains($"namespace/{ns}-x created", await K.OkAsync($"create namespace {ns}-x"));
        Assert.Contains("configmap/cfg created", await K.OkAsync($"create configmap cfg -n {ns} --from-literal=k=v"));
        Assert.Contains("secret/sec created", await K.OkAsync($"create secret generic sec -n {ns} --from-literal=password=hunter2"));
        Assert.Contains("deployment.apps/web created", await K.OkAsync($"create deployment web -n {ns} --image=busybox --replicas=2"));

        var secret = JsonDocument.Parse(await K.OkAsync($"get secret sec -n {ns} -o json")).RootElement;
        Assert.Equal(Convert.ToBase64String("hunter2"u8.ToArray()), secret.GetProperty("data").GetProperty("password").GetString());
        Assert.Equal("Opaque", secret.GetProperty("type").GetString());
        var deploy = JsonDocument.Parse(await K.OkAsync($"get deployment web -n {ns} -o json")).RootElement;
        Assert.Equal(2, deploy.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal("web", deploy.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels").GetProperty("app").GetString());
        Assert.Equal("RollingUpdate", deploy.GetProperty("spec").GetProperty("strategy").GetProperty("type").GetString());
        await K.OkAsync($"delete namespace {ns}-x --wait=false");
    }

    [Fact]
    public async Task ApplyTwiceWithAChangeThenServerSide()
    {
        var ns = await f.NewNamespaceAsync("kapply");
        string Manifest(string image, int replicas) => $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: {{ns}}
            spec:
              replicas: {{replicas}}
              selector:
                matchLabels: {app: web }
              template:
                metadata:
                  labels: {app: web }
                spec:
                  containers:
                  - name: nginx
                    image: {{image}}
            """;
        Assert.Contains("deployment.apps/web created", await K.OkAsync("apply -f -", Manifest("nginx:1.26", 1)));
        Assert.Contains("deployment.apps/web unchanged", await K.OkAsync("apply -f -", Manifest("nginx:1.26", 1)));
        Assert.Contains("deployment.apps/web configured", await K.OkAsync("apply -f -", Manifest("nginx:1.27", 3)));
        var d = JsonDocument.Parse(await K.OkAsync($"get deploy web -n {ns} -o json")).RootElement;
        Assert.Equal(3, d.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal("nginx:1.27", d.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("image").GetString());
        Assert.True(d.GetProperty("metadata").GetProperty("annotations").TryGetProperty("kubectl.kubernetes.io/last-applied-configuration", out _));

        var ssaManifest = Manifest("nginx:1.27", 3).Replace("  name: web\n", "  name: api\n");
        Assert.Contains("deployment.apps/api serverside-applied", await K.OkAsync("apply --server-side -f -", ssaManifest));
        Assert.Contains("deployment.apps/api serverside-applied", await K.OkAsync("apply --server-side -f -", ssaManifest.Replace("replicas: 3", "replicas: 4")));
        var api = JsonDocument.Parse(await K.OkAsync($"get deploy api -n {ns} -o json")).RootElement;
        Assert.Equal(4, api.GetProperty("spec").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task DescribeShowsObjectAndEvents()
    {
        var ns = await f.NewNamespaceAsync("kdesc");
        await K.OkAsync($"run p -n {ns} --image=busybox");
        using var client = f.Client();
        var pod = await client.CoreV1.ReadNamespacedPodAsync("p", ns);
        await client.CoreV1.CreateNamespacedEventAsync(new k8s.Models.Corev1Event
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "p.1" },
            InvolvedObject = new k8s.Models.V1ObjectReference { Kind = "Pod", Name = "p", NamespaceProperty = ns, Uid = pod.Metadata.Uid, ApiVersion = "v1" },
            Reason = "Scheduled",
            Message = "Successfully assigned to node-1",
            Type = "Normal",
            Source = new k8s.Models.V1EventSource { Component = "default-scheduler" },
            FirstTimestamp = DateTime.UtcNow,
            LastTimestamp = DateTime.UtcNow,
            Count = 1,
        }, ns);
        var output = await K.OkAsync($"describe pod p -n {ns}");
        Assert.Matches(@"Name:\s+p", output);
        Assert.Matches(@"Status:\s+Pending", output);
        Assert.Contains("Successfully assigned to node-1", output);
        Assert.Contains("default-scheduler", output);
    }

    [Fact]
    public async Task AuthCanIAnswersYes()
    {
        var r = await K.RunAsync("auth can-i list pods");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("yes", r.Stdout.Trim());
    }

    [Fact]
    public async Task ExplainShowsFieldDocumentation()
    {
        var output = await K.OkAsync("explain pods.spec.containers");
        Assert.Contains("KIND:       Pod", output);
        Assert.Contains("FIELD: containers", output);
        Assert.Contains("image", output);
    }

    [Fact]
    public async Task GetWatchPrintsChangesAsTheyHappen()
    {
        var ns = await f.NewNamespaceAsync("kwatch");
        await K.OkAsync($"create configmap first -n {ns}");
        var watch = K.RunAsync($"get configmaps -n {ns} -w --request-timeout=6s", timeoutSeconds: 30);
        using var client = f.Client();
        // Wait until the watch is established: kubectl has printed the initial list by the time it watches,
        // but we cannot see its stdout before it exits, so create objects over a short span.
        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(500);
            await client.CoreV1.CreateNamespacedConfigMapAsync(new k8s.Models.V1ConfigMap { Metadata = new k8s.Models.V1ObjectMeta { Name = $"later-{i}" } }, ns);
        }
        var r = await watch;
        Assert.Contains("first", r.Stdout);
        Assert.Contains("later-5", r.Stdout);
    }

    [Fact]
    public async Task MoreProtobufGeneratorsCreateTheirKinds()
    {
        var ns = await f.NewNamespaceAsync("kgen2");
        Assert.Contains("service/svc created", await K.OkAsync($"create service clusterip svc -n {ns} --tcp=80:8080"));
        Assert.Contains("job.batch/once created", await K.OkAsync($"create job once -n {ns} --image=busybox -- echo hi"));
        Assert.Contains("cronjob.batch/tick created", await K.OkAsync($"create cronjob tick -n {ns} --image=busybox --schedule='*/5 * * * *'"));
        Assert.Contains("serviceaccount/robot created", await K.OkAsync($"create serviceaccount robot -n {ns}"));
        Assert.Contains("resourcequota/q created", await K.OkAsync($"create quota q -n {ns} --hard=pods=2"));
        var svc = JsonDocument.Parse(await K.OkAsync($"get svc svc -n {ns} -o json")).RootElement.GetProperty("spec");
        Assert.Equal(8080, svc.GetProperty("ports")[0].GetProperty("targetPort").GetInt32());
        var job = JsonDocument.Parse(await K.OkAsync($"get job once -n {ns} -o json")).RootElement;
        Assert.Equal("Never", job.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("restartPolicy").GetString());
        Assert.True(job.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels").TryGetProperty("batch.kubernetes.io/controller-uid", out _));
        var cj = JsonDocument.Parse(await K.OkAsync($"get cronjob tick -n {ns} -o json")).RootElement;
        Assert.Equal("*/5 * * * *", cj.GetProperty("spec").GetProperty("schedule").GetString());
        var quota = JsonDocument.Parse(await K.OkAsync($"get quota q -n {ns} -o json")).RootElement;
        Assert.Equal("2", quota.GetProperty("spec").GetProperty("hard").GetProperty("pods").GetString());
        var all = await K.OkAsync($"get all -n {ns}");
        Assert.Contains("service/svc", all);
        Assert.Contains("job.batch/once", all);
        Assert.Contains("cronjob.batch/tick", all);
    }

    [Fact]
    public async Task ReplaceUsesTheResourceVersionAndConflictsWhenStale()
    {
        var ns = await f.NewNamespaceAsync("krepl");
        await K.OkAsync($"create configmap c -n {ns} --from-literal=a=1");
        var live = await K.OkAsync($"get configmap c -n {ns} -o yaml");
        Assert.Contains("configmap/c replaced", await K.OkAsync("replace -f -", live.Replace("a: \"1\"", "a: \"2\"")));
        var stale = await K.RunAsync("replace -f -", live.Replace("a: \"1\"", "a: \"3\""));
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("the object has been modified", stale.Stderr);
        var data = JsonDocument.Parse(await K.OkAsync($"get configmap c -n {ns} -o json")).RootElement.GetProperty("data");
        Assert.Equal("2", data.GetProperty("a").GetString());
    }
}
