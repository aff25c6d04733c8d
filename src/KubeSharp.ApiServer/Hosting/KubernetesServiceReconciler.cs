using System.Globalization;
using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Http;
using KubeSharp.ApiServer.Registry;
using KubeSharp.Storage;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ApiServer.Hosting;

/// <summary>
/// Keeps the <c>kubernetes</c> Service in <c>default</c> (first address of the service range, port 443 named
/// https to the API servers' secure port) and its Endpoints and EndpointSlice, as upstream's controlplane
/// controller with the lease endpoint reconciler: every API server refreshes a lease for its address under
/// /registry/masterleases/ and the endpoints list the addresses whose lease is live. It runs at start and then
/// periodically, recreating whatever was deleted and correcting whatever was changed.
/// </summary>
public sealed partial class KubernetesServiceReconciler : IAsyncDisposable
{
    public const string Name = "kubernetes";
    public const string Namespace = "default";
    private const string LeasePrefix = "/registry/masterleases/";
    private static readonly ResourceInfo Services = ResourceTable.Find("", "services")!;
    private static readonly ResourceInfo Endpoints = ResourceTable.Find("", "endpoints")!;
    private static readonly ResourceInfo Slices = ResourceTable.Find("discovery.k8s.io", "endpointslices")!;
    private readonly IReadOnlyDictionary<ResourceInfo, ResourceStore> _stores;
    private readonly IStore _store;
    private readonly IPAddress _serviceIp;
    private readonly IPAddress _address;
    private readonly int _port;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public KubernetesServiceReconciler(IReadOnlyDictionary<ResourceInfo, ResourceStore> stores, IStore store, IPAddress serviceIp,
        IPAddress address, int port, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _stores = stores;
        _store = store;
        _serviceIp = serviceIp;
        _address = address;
        _port = port;
        _interval = interval;
        _time = time;
        _logger = logger;
    }

    /// <summary>Leases live three reconcile intervals, so one missed round does not drop a healthy server.</summary>
    private TimeSpan LeaseTtl => _interval * 3;

    /// <summary>One reconcile now, then one per interval in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReconcileOnceAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The API server serves without these objects too; the loop keeps trying.
            LogFailed(_logger, e);
        }
        _loop = RunAsync(_stop.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval, _time, cancellationToken);
                await ReconcileOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(_logger, e);
            }
        }
    }

    /// <summary>One round. Each object is reconciled on its own, so one that cannot be written (an Endpoints
    /// with a loopback address fails validation, as upstream's does) does not hold back the others.</summary>
    public async Task ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        async Task Step(Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(e);
            }
        }
        await Step(() => EnsureServiceAsync(cancellationToken));
        var addresses = await RefreshLeasesAsync(cancellationToken);
        await Step(() => EnsureEndpointsAsync(addresses, cancellationToken));
        await Step(() => EnsureSliceAsync(addresses, cancellationToken));
        if (failures.Count > 0) throw new AggregateException(failures);
    }

    private List<V1ServicePort> ServicePorts() =>
        [new V1ServicePort { Name = "https", Port = 443, Protocol = "TCP", TargetPort = _port }];

    private async Task EnsureServiceAsync(CancellationToken cancellationToken)
    {
        var store = _stores[Services];
        var current = await store.ReadAsync(Namespace, Name, cancellationToken);
        if (current == null)
        {
            var service = new V1Service
            {
                Metadata = new V1ObjectMeta
                {
                    Name = Name,
                    Labels = new Dictionary<string, string> { ["component"] = "apiserver", ["provider"] = "kubernetes" },
                },
                Spec = new V1ServiceSpec { Type = "ClusterIP", ClusterIP = _serviceIp.ToString(), Ports = ServicePorts(), SessionAffinity = "None" },
            };
            try
            {
                await store.CreateAsync(Namespace, service, WriteOptions.Default, cancellationToken);
                LogCreated(_logger, "service", _serviceIp.ToString());
            }
            catch (StatusException e) when (e.Code == 409)
            {
                // Another API server on this store created it first.
            }
            return;
        }
        var spec = ((V1Service)current.Object).Spec;
        if (spec?.Type == "ClusterIP" && SamePorts(spec.Ports)) return;
        await store.UpdateAsync(Namespace, Name, c =>
        {
            var s = (V1Service)c.Object;
            s.Spec.Type = "ClusterIP";
            s.Spec.Ports = ServicePorts();
            foreach (var p in s.Spec.Ports) p.NodePort = null;
            return s;
        }, UpdateScope.Main, WriteOptions.Default, cancellationToken);
    }

    private bool SamePorts(IList<V1ServicePort>? ports) =>
        ports is { Count: 1 } && ports[0] is { Name: "https", Port: 443, Protocol: "TCP" } p && p.TargetPort?.Value == _port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes this server's lease and returns the addresses of every API server with a live lease.</summary>
    private async Task<List<string>> RefreshLeasesAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var key = LeasePrefix + _address;
        var value = JsonSerializer.SerializeToUtf8Bytes((now + LeaseTtl).ToUnixTimeSeconds());
        var existing = await _store.GetAsync(key, 0, cancellationToken);
        if (existing == null) await _store.CreateAsync(key, value, cancellationToken);
        else await _store.UpdateAsync(key, value, existing.ModRevision, cancellationToken);

        var live = new List<string>();
        var leases = await _store.ListAsync(LeasePrefix, new ListOptions(), cancellationToken);
        foreach (var kv in leases.Items)
        {
            var ip = kv.Key[LeasePrefix.Length..];
            long expires;
            try
            {
                expires = JsonSerializer.Deserialize<long>(kv.Value);
            }
            catch (JsonException)
            {
                expires = 0;
            }
            if (ip == _address.ToString() || DateTimeOffset.FromUnixTimeSeconds(expires) > now) live.Add(ip);
            else await _store.DeleteAsync(kv.Key, kv.ModRevision, cancellationToken);
        }
        live.Sort(StringComparer.Ordinal);
        return live;
    }

    private List<Corev1EndpointPort> EndpointPorts() => [new Corev1EndpointPort { Name = "https", Port = _port, Protocol = "TCP" }];

    private async Task EnsureEndpointsAsync(List<string> addresses, CancellationToken cancellationToken)
    {
        V1EndpointSubset Subset() => new()
        {
            Addresses = addresses.Select(a => new V1EndpointAddress { Ip = a }).ToList(),
            Ports = EndpointPorts(),
        };
        // The EndpointSlice mirroring controller must leave these alone: the API server writes the slice itself.
        var labels = new Dictionary<string, string> { ["endpointslice.kubernetes.io/skip-mirror"] = "true" };
        var store = _stores[Endpoints];
        var current = (V1Endpoints?)(await store.ReadAsync(Namespace, Name, cancellationToken))?.Object;
        if (current == null)
        {
            await CreateAsync(store, new V1Endpoints { Metadata = new V1ObjectMeta { Name = Name, Labels = labels }, Subsets = [Subset()] }, cancellationToken);
            return;
        }
        var want = new V1Endpoints { Metadata = new V1ObjectMeta { Labels = labels }, Subsets = [Subset()] };
        if (Json(current.Subsets) == Json(want.Subsets) && Label(current.Metadata, "endpointslice.kubernetes.io/skip-mirror") == "true") return;
        await store.UpdateAsync(Namespace, Name, c =>
        {
            var e = (V1Endpoints)c.Object;
            e.Subsets = [Subset()];
            e.Metadata.Labels ??= new Dictionary<string, string>();
            e.Metadata.Labels["endpointslice.kubernetes.io/skip-mirror"] = "true";
            return e;
        }, UpdateScope.Main, WriteOptions.Default, cancellationToken);
    }

    private async Task EnsureSliceAsync(List<string> addresses, CancellationToken cancellationToken)
    {
        var family = _address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4" : "IPv6";
        List<V1Endpoint> Endpoints() => addresses.Select(a => new V1Endpoint { Addresses = [a], Conditions = new V1EndpointConditions { Ready = true } }).ToList();
        List<Discoveryv1EndpointPort> Ports() => [new Discoveryv1EndpointPort { Name = "https", Port = _port, Protocol = "TCP" }];
        var labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = Name };
        var store = _stores[Slices];
        var current = (V1EndpointSlice?)(await store.ReadAsync(Namespace, Name, cancellationToken))?.Object;
        if (current == null || current.AddressType != family)
        {
            if (current != null) await store.DeleteAsync(Namespace, Name, null, false, cancellationToken);
            await CreateAsync(store, new V1EndpointSlice
            {
                Metadata = new V1ObjectMeta { Name = Name, Labels = labels },
                AddressType = family,
                Endpoints = Endpoints(),
                Ports = Ports(),
            }, cancellationToken);
            return;
        }
        if (Json(current.Endpoints) == Json(Endpoints()) && Json(current.Ports) == Json(Ports())
            && Label(current.Metadata, "kubernetes.io/service-name") == Name) return;
        await store.UpdateAsync(Namespace, Name, c =>
        {
            var s = (V1EndpointSlice)c.Object;
            s.Endpoints = Endpoints();
            s.Ports = Ports();
            s.Metadata.Labels ??= new Dictionary<string, string>();
            s.Metadata.Labels["kubernetes.io/service-name"] = Name;
            return s;
        }, UpdateScope.Main, WriteOptions.Default, cancellationToken);
    }

    private static async Task CreateAsync(ResourceStore store, IKubernetesObject<V1ObjectMeta> obj, CancellationToken cancellationToken)
    {
        try
        {
            await store.CreateAsync(Namespace, obj, WriteOptions.Default, cancellationToken);
        }
        catch (StatusException e) when (e.Code == 409)
        {
            // Another API server created it first; the next round corrects it if needed.
        }
    }

    private static string? Label(V1ObjectMeta meta, string key) =>
        meta.Labels != null && meta.Labels.TryGetValue(key, out var value) ? value : null;

    private static string Json(object? value) =>
        value == null ? "null" : System.Text.Encoding.UTF8.GetString(ApiMachinery.Serialization.KubeJson.Serialize(value));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop != null) await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Created the kubernetes {Kind} ({Address})")]
    private static partial void LogCreated(ILogger logger, string kind, string address);

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Reconciling the kubernetes Service and endpoints failed; retrying next round")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
