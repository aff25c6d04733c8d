namespace KubeSharp.ControllerManager.Shared;

/// <summary>
/// One control loop. Its constructor registers informer handlers; <see cref="RunAsync"/> runs the workers once the
/// caches have synced and returns when <paramref name="ct"/> is cancelled.
/// </summary>
internal interface IController
{
    string Name { get; }

    Task RunAsync(int workers, CancellationToken ct);
}
