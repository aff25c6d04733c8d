namespace KubeSharp.ApiServer.Registry.Services;

/// <summary>
/// What one Service write took and what it gives back: items allocated for the write are released if it fails
/// (revert); items the write no longer needs are released only once it succeeded (commit), so a failed update
/// never loses an address the stored Service still uses. Dry runs record nothing.
/// </summary>
internal sealed class ServiceAllocationTransaction(ServiceAllocator allocator, string uid, bool dryRun) : IWriteTransaction
{
    private readonly List<string> _allocatedIps = [];
    private readonly List<int> _allocatedPorts = [];
    private readonly List<string> _releaseIps = [];
    private readonly List<int> _releasePorts = [];

    public bool DryRun => dryRun;

    public string Uid => uid;

    public void Allocated(string ip) => _allocatedIps.Add(ip);

    public void Allocated(int port) => _allocatedPorts.Add(port);

    public void ReleaseOnCommit(string ip) => _releaseIps.Add(ip);

    public void ReleaseOnCommit(int port) => _releasePorts.Add(port);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (dryRun) return;
        // The write is durable; a release that fails now is left to the repair loop, not to the client.
        await allocator.ReleaseAsync(_releaseIps, _releasePorts, uid, CancellationToken.None);
    }

    public async Task RevertAsync(CancellationToken cancellationToken)
    {
        if (dryRun) return;
        // Not the request's token: a client that hung up must not leave its allocations behind.
        await allocator.ReleaseAsync(_allocatedIps, _allocatedPorts, uid, CancellationToken.None);
    }
}
