using System.Threading.Channels;
using k8s;
using k8s.Models;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Client.Events;

/// <summary>
/// Writes core/v1 Events in the background (client-go's broadcaster + recorder + EventCorrelator, simplified).
/// Repeats of the same (object, type, reason, message) are folded into one Event whose count and lastTimestamp
/// are PATCHed; each object gets a token bucket so a hot loop cannot flood the API server.
/// </summary>
public sealed partial class EventRecorder : IEventRecorder, IAsyncDisposable
{
    private readonly ResourceClient<Corev1Event> _events;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Corev1Event> _queue;
    private readonly Task _writer;
    private readonly CancellationTokenSource _abort = new();

    public EventRecorder(ResourceClient<Corev1Event> events, EventRecorderOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        _events = events;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<Corev1Event>(new BoundedChannelOptions(options.QueueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    public void Event(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message) =>
        Event(ReferenceTo(obj), type, reason, message);

    public void Event(V1ObjectReference reference, string type, string reason, string message)
    {
        var e = Build(reference, type, reason, message);
        if (!_queue.Writer.TryWrite(e))
        {
            EventRecorderLog.Dropped(_logger, reason, Describe(e.InvolvedObject), "queue full");
        }
    }

    /// <summary>Writes what is queued, then stops; gives up on the rest after <see cref="EventRecorderOptions.ShutdownTimeout"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(_options.ShutdownTimeout, _time);
        }
        catch (TimeoutException)
        {
            // An unreachable API server must not hold up a component's shutdown for every queued event.
            await _abort.CancelAsync();
            await _writer;
        }
        _abort.Dispose();
    }

    /// <summary>client-go's reference.GetReference: kind and apiVersion from the object, else from its model type.</summary>
    public static V1ObjectReference ReferenceTo(IKubernetesObject<V1ObjectMeta> obj)
    {
        var resource = ModelResources.For(obj.GetType());
        return new V1ObjectReference
        {
            ApiVersion = string.IsNullOrEmpty(obj.ApiVersion) ? resource?.GroupVersion : obj.ApiVersion,
            Kind = string.IsNullOrEmpty(obj.Kind) ? resource?.Kind : obj.Kind,
            NamespaceProperty = obj.Namespace(),
            Name = obj.Name(),
            Uid = obj.Uid(),
            ResourceVersion = obj.ResourceVersion(),
        };
    }

    private Corev1Event Build(V1ObjectReference reference, string type, string reason, string message)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        // Upstream names events "<object>.<unix nanoseconds in hex>" and puts events about cluster-scoped objects
        // into "default".
        var nanos = (now - DateTime.UnixEpoch).Ticks * 100;
        // metav1.Time is whole seconds on the wire; truncating here keeps firstTimestamp and the PATCHed
        // lastTimestamp comparable whatever the server does with fractions.
        var seconds = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        return new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta
            {
                Name = $"{reference.Name}.{nanos:x}",
                NamespaceProperty = string.IsNullOrEmpty(reference.NamespaceProperty) ? "default" : reference.NamespaceProperty,
            },
            InvolvedObject = reference,
            Reason = reason,
            Message = message,
            Type = type,
            Source = new V1EventSource { Component = _options.Component, Host = _options.Host },
            ReportingComponent = _options.Component,
            ReportingInstance = _options.Host ?? "",
            FirstTimestamp = seconds,
            LastTimestamp = seconds,
            Count = 1,
        };
    }

    private static string Describe(V1ObjectReference r) =>
        $"{r.Kind} {(string.IsNullOrEmpty(r.NamespaceProperty) ? "" : r.NamespaceProperty + "/")}{r.Name}";
}
