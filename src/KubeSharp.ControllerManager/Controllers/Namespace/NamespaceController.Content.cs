using KubeSharp.ApiMachinery.Resources;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Controllers.Namespace;

/// <summary>Deleting a namespace's content, one resource at a time (upstream's deleteAllContent).</summary>
internal sealed partial class NamespaceController
{
    /// <summary>
    /// Deletes everything in the namespace. A failing resource does not stop the others (upstream collects the
    /// errors and goes on); what the server still lists afterwards (finalizers, graceful deletion) is remaining.
    /// </summary>
    private async Task<ContentResult> DeleteContentAsync(string ns, CancellationToken ct)
    {
        var result = new ContentResult();
        foreach (var resource in Deletable)
        {
            try
            {
                await DeleteResourceAsync(resource, ns, result, ct);
            }
            catch (KubeApiException e)
            {
                result.Failures.Add($"{resource.QualifiedResource}: {e.Status.Message}");
            }
        }
        return result;
    }

    private async Task DeleteResourceAsync(ResourceInfo resource, string ns, ContentResult result, CancellationToken ct)
    {
        var items = await _dynamic.ListAsync(resource, ns, ct);
        if (items.Count == 0) return;
        await Task.WhenAll(items.Select(i => _dynamic.DeleteAsync(resource, ns, i.Name, ct)));
        var left = await _dynamic.ListAsync(resource, ns, ct);
        if (left.Count == 0) return;
        // Upstream spells the resource "pods." (resource.group with an empty core group).
        result.Remaining[$"{resource.Resource}.{resource.Group}"] = left.Count;
        foreach (var finalizer in left.SelectMany(i => i.Finalizers))
        {
            result.Finalizers[finalizer] = result.Finalizers.GetValueOrDefault(finalizer) + 1;
        }
    }
}
