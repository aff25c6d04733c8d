using System.Runtime.InteropServices;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// One cancellation token for "stop now": SIGINT and SIGTERM. The signals are taken over (ctx.Cancel) so the runtime
/// does not start its own shutdown while the command is still stopping the server in order.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _int;

    public ShutdownSignal()
    {
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => _stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A signal that arrives after the command finished has nothing left to stop.
        }
    }

    public void Dispose()
    {
        _term.Dispose();
        _int.Dispose();
        _stop.Dispose();
    }
}
