using System.Net.Http.Headers;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>
/// Plays a kubelet's part in node health: registers a Node with addresses and a Ready condition, and renews its
/// Lease in kube-node-lease every 300 ms (as a kubelet does every 10 s) until <see cref="StopHeartbeatsAsync"/>.
/// Like a kubelet, while heartbeating it re-posts its Ready condition when it finds another one (the node lifecycle
/// controller's Unknown after a stall of the test machine). Disposing deletes the Node and Lease.
/// </summary>
public sealed class SimulatedNode : IAsyncDisposable
{
    private readonly KubeClient _client;
    private CancellationTokenSource? _heartbeats;
    private volatile string _ready = "True";
    private Task _loop = Task.CompletedTask;

    private SimulatedNode(KubeClient client, string name, string ip)
    {
        _client = client;
        Name = name;
        Ip = ip;
    }

    public string Name { get; }

    public string Ip { get; }

    /// <summary>Registers the node (Ready=True, InternalIP <paramref name="ip"/>, zone label) and starts heartbeating.</summary>
    public static async Task<SimulatedNode> StartAsync(KubeClient client, string name, string ip, string zone)
    {
        await client.For<V1Node>().CreateAsync(new V1Node
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name, ["topology.kubernetes.io/zone"] = zone },
            },
        });
        var node = new SimulatedNode(client, name, ip);
        await node.PostStatusAsync("True");
        await node.ResumeHeartbeatsAsync();
        return node;
    }

    /// <summary>Writes the kubelet's status: Ready=<paramref name="ready"/> (heartbeat now), no pressure, the address.</summary>
    public async Task PostStatusAsync(string ready)
    {
        _ready = ready;
        var nodes = _client.For<V1Node>();
        for (var attempt = 0; ; attempt++)
        {
            var node = await nodes.GetAsync(null, Name);
            var now = DateTime.UtcNow;
            var old = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
            node.Status ??= new V1NodeStatus();
            node.Status.Addresses = [new V1NodeAddress { Type = "InternalIP", Address = Ip }, new V1NodeAddress { Type = "Hostname", Address = Name }];
            node.Status.Conditions =
            [
                new V1NodeCondition
                {
                    Type = "Ready",
                    Status = ready,
                    Reason = ready == "True" ? "KubeletReady" : "KubeletNotReady",
                    LastHeartbeatTime = now,
                    LastTransitionTime = old?.Status == ready ? old.LastTransitionTime : now,
                },
                Healthy("MemoryPressure", now),
                Healthy("DiskPressure", now),
                Healthy("PIDPressure", now),
            ];
            try
            {
                await nodes.UpdateStatusAsync(node);
                return;
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e) && attempt < 10)
            {
                // The node lifecycle controller wrote meanwhile.
            }
        }
    }

    public async Task ResumeHeartbeatsAsync()
    {
        await RenewAsync(CancellationToken.None);
        _heartbeats = new CancellationTokenSource();
        var ct = _heartbeats.Token;
        _loop = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(300, ct);
                    await RenewAsync(ct);
                    var node = await _client.For<V1Node>().GetAsync(null, Name, ct);
                    if (node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status != _ready) await PostStatusAsync(_ready);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (KubeApiException)
                {
                    // A lost race with our own previous renewal; the next one wins.
                }
            }
        });
    }

    public async Task StopHeartbeatsAsync()
    {
        if (_heartbeats == null) return;
        await _heartbeats.CancelAsync();
        await _loop;
        _heartbeats.Dispose();
        _heartbeats = null;
    }

    /// <summary>Binds a pod to this node through pods/binding, as the scheduler would.</summary>
    public async Task BindAsync(V1Pod pod)
    {
        var binding = new V1Binding
        {
            ApiVersion = "v1",
            Kind = "Binding",
            Metadata = new V1ObjectMeta { Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty, Uid = pod.Metadata.Uid },
            Target = new V1ObjectReference { Kind = "Node", Name = Name },
        };
        using var content = new ByteArrayContent(KubeJson.Serialize(binding, typeof(V1Binding)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client.Http.PostAsync($"/api/v1/namespaces/{pod.Metadata.NamespaceProperty}/pods/{pod.Metadata.Name}/binding", content);
        Assert.True(response.IsSuccessStatusCode, $"binding {pod.Metadata.Name}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopHeartbeatsAsync();
        try
        {
            await _client.For<V1Node>().DeleteAsync(null, Name);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            // Deleted by the test already.
        }
        try
        {
            await _client.For<V1Lease>().DeleteAsync("kube-node-lease", Name);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            // Never written.
        }
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        var leases = _client.For<V1Lease>();
        try
        {
            var lease = await leases.GetAsync("kube-node-lease", Name, ct);
            lease.Spec.RenewTime = DateTime.UtcNow;
            await leases.UpdateAsync(lease, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            await leases.CreateAsync(new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = "kube-node-lease" },
                Spec = new V1LeaseSpec { HolderIdentity = Name, LeaseDurationSeconds = 40, RenewTime = DateTime.UtcNow },
            }, ct);
        }
    }

    private static V1NodeCondition Healthy(string type, DateTime now) => new()
    {
        Type = type,
        Status = "False",
        Reason = "KubeletHasNo" + type,
        LastHeartbeatTime = now,
        LastTransitionTime = now,
    };
}
