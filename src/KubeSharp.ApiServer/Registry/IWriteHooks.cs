using k8s;
using k8s.Models;

namespace KubeSharp.ApiServer.Registry;

/// <summary>
/// Work a resource needs around its store writes, beyond the object itself (upstream's BeginCreate/BeginUpdate/
/// AfterDelete hooks of the generic store; Services allocate cluster IPs and node ports here). A begin hook may
/// change the object and returns a transaction that the store commits once its write succeeded or reverts when
/// the write fails or is retried, so nothing taken for a write that never happened stays taken.
/// </summary>
public interface IWriteHooks
{
    Task<IWriteTransaction> BeginCreateAsync(IKubernetesObject<V1ObjectMeta> obj, bool dryRun, CancellationToken cancellationToken);

    Task<IWriteTransaction> BeginUpdateAsync(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old, bool dryRun,
        CancellationToken cancellationToken);

    /// <summary>Called once the object is gone from the store, with its last state.</summary>
    Task AfterDeleteAsync(IKubernetesObject<V1ObjectMeta> obj, CancellationToken cancellationToken);
}

/// <summary>The pending side effects of one write. Exactly one of the two methods is called.</summary>
public interface IWriteTransaction
{
    Task CommitAsync(CancellationToken cancellationToken);

    Task RevertAsync(CancellationToken cancellationToken);
}
