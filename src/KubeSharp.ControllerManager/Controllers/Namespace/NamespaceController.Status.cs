using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Controllers.Namespace;

/// <summary>Writes the deletion conditions to the namespace's status (upstream's updateNamespaceStatusFunc).</summary>
internal sealed partial class NamespaceController
{
    private async Task UpdateConditionsAsync(string name, ContentResult result, CancellationToken ct)
    {
        var cached = _namespaceInformer.Lister.Get(null, name);
        if (cached == null) return;
        var wanted = NamespaceConditions.From(result, _time.GetUtcNow().UtcDateTime);
        if (NamespaceConditions.Same(cached.Status?.Conditions, wanted)) return;
        var copy = KubeObjects.DeepCopy(cached);
        copy.Status ??= new V1NamespaceStatus();
        copy.Status.Conditions = wanted;
        try
        {
            await _namespaces.UpdateStatusAsync(copy, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsConflict(e) || ApiErrors.IsNotFound(e))
        {
            // A stale cache or a namespace already gone: the next sync writes the conditions again if still needed.
        }
    }
}
