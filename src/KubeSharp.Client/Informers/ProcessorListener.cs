using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Client.Informers;

/// <summary>
/// Delivers notifications to one handler from its own unbounded queue, so a slow handler never blocks the
/// informer's watch or the other handlers (client-go's processorListener).
/// </summary>
internal sealed class ProcessorListener<T>
{
    private readonly Channel<Notification<T>> _queue = Channel.CreateUnbounded<Notification<T>>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly IResourceEventHandler<T> _handler;
    private readonly ILogger _logger;
    private readonly string _resource;

    public ProcessorListener(IResourceEventHandler<T> handler, ILogger logger, string resource)
    {
        _handler = handler;
        _logger = logger;
        _resource = resource;
        Completion = Task.Run(RunAsync);
    }

    public Task Completion { get; }

    public void Post(Notification<T> n) => _queue.Writer.TryWrite(n);

    public void Stop() => _queue.Writer.TryComplete();

    private async Task RunAsync()
    {
        await foreach (var n in _queue.Reader.ReadAllAsync())
        {
            try
            {
                switch (n.Kind)
                {
                    case NotificationKind.Add:
                        _handler.OnAdd(n.Object);
                        break;
                    case NotificationKind.Update:
                        _handler.OnUpdate(n.Old!, n.Object);
                        break;
                    default:
                        _handler.OnDelete(n.Object, n.FinalStateUnknown);
                        break;
                }
            }
            catch (Exception e)
            {
                // A throwing handler is a bug in that handler; keep delivering so the others' view stays whole.
                InformerLog.HandlerFailed(_logger, e, _resource);
            }
        }
    }
}
