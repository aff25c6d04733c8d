using System.Net.Http.Headers;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Rest;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

/// <summary>
/// POSTs a v1 Binding to pods/{name}/binding. The client library has no subresource create, so this uses the
/// client's HttpClient (same TLS, credentials and user agent) directly.
/// </summary>
internal sealed class ApiPodBinder(KubeClient client) : IPodBinder
{
    public async Task<Status> BindAsync(string ns, string podName, string podUid, string nodeName, CancellationToken ct)
    {
        var binding = new V1Binding
        {
            ApiVersion = "v1",
            Kind = "Binding",
            Metadata = new V1ObjectMeta { Name = podName, NamespaceProperty = ns, Uid = podUid },
            Target = new V1ObjectReference { Kind = "Node", Name = nodeName },
        };
        var path = $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods/{Uri.EscapeDataString(podName)}/binding";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(client.Config.RequestTimeout);
        using var content = new ByteArrayContent(KubeJson.Serialize(binding, typeof(V1Binding)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.Http.PostAsync(path, content, timeout.Token);
            if (response.IsSuccessStatusCode) return Status.Success;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return Status.Error(MessageOf(body));
        }
        catch (HttpRequestException e)
        {
            return Status.Error(e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Status.Error("binding timed out");
        }
    }

    private static string MessageOf(string body)
    {
        try
        {
            var status = KubeJson.Deserialize<V1Status>(System.Text.Encoding.UTF8.GetBytes(body));
            return status?.Message ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
