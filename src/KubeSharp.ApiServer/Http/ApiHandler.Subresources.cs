using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Selectors;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Authentication;
using KubeSharp.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeSharp.ApiServer.Http;

public sealed partial class ApiHandler
{
    private static readonly ResourceInfo Pods = ResourceTable.Find("", "pods")!;
    private static readonly ResourceInfo PodDisruptionBudgets = ResourceTable.Find("policy", "poddisruptionbudgets")!;

    private async Task HandleSubresourceAsync(HttpContext http, ApiRequestInfo info, ResourceStore? store, QueryOptions query)
    {
        if (store == null) throw Errors.PathNotFound();
        switch (info.Subresource, info.Verb)
        {
            case ("status", "get"):
                await GetAsync(http, info, store, query);
                return;
            case ("status", "update"):
                await UpdateAsync(http, info, store, query, UpdateScope.Status);
                return;
            case ("status", "patch"):
                await PatchAsync(http, info, store, query, UpdateScope.Status);
                return;
            case ("finalize", "update"):
                await UpdateAsync(http, info, store, query, UpdateScope.Finalize);
                return;
            case ("scale", "get" or "update" or "patch"):
                await ScaleAsync(http, info, store, query);
                return;
            case ("binding", "create"):
                await BindAsync(http, info.Namespace!, info.Name, query);
                return;
            case ("eviction", "create"):
                await EvictAsync(http, info, store, query);
                return;
            case ("log", "get"):
            case ("exec" or "attach" or "portforward", "get" or "create"):
                await ConnectAsync(http, info, store, query);
                return;
            default:
                throw Errors.BadRequest($"the subresource {info.Resource.Resource}/{info.Subresource} does not support {info.Verb} in this server yet");
        }
    }

    /// <summary>Resources without storage: bindings (POST only) and SelfSubjectAccessReview.</summary>
    private async Task HandleVirtualAsync(HttpContext http, ApiRequestInfo info, QueryOptions query)
    {
        switch (info.Resource.Resource, info.Verb)
        {
            case ("bindings", "create"):
                await BindAsync(http, info.Namespace!, null, query);
                return;
            case ("selfsubjectaccessreviews", "create"):
                await SelfSubjectAccessReviewAsync(http, info, query);
                return;
            default:
                throw Errors.MethodNotSupported(info.Resource, info.Verb);
        }
    }

    /// <summary>pods/binding: assigns a pod to a node once (a second binding is 409), sets PodScheduled=True.</summary>
    private async Task BindAsync(HttpContext http, string ns, string? podName, QueryOptions query)
    {
        var bindingResource = ResourceTable.Find("", "bindings")!;
        var body = await ReadBodyAsync(http);
        var binding = (V1Binding)BodyDecoder.DecodeObject(body, BodyDecoder.MediaType(http.Request.ContentType), bindingResource, query.FieldValidation, []);
        var name = podName ?? binding.Metadata?.Name;
        if (string.IsNullOrEmpty(name)) throw Errors.BadRequest("name is required in the binding");
        if (podName != null && binding.Metadata?.Name is { Length: > 0 } bn && bn != podName)
        {
            throw Errors.BadRequest($"the name of the binding ({bn}) does not match the name on the URL ({podName})");
        }
        var target = binding.Target?.Name;
        if (string.IsNullOrEmpty(target) || (binding.Target!.Kind is { Length: > 0 } k && k != "Node"))
        {
            throw Errors.Invalid(bindingResource, name, [new("FieldValueRequired", "target.name", "Required value")]);
        }
        var pods = _stores[Pods];
        var now = _time.GetUtcNow().UtcDateTime;
        await pods.UpdateAsync(ns, name, current =>
        {
            var pod = (V1Pod)current.Object;
            if (pod.Metadata.DeletionTimestamp != null)
            {
                throw Errors.Conflict(Pods, name, "pod is being deleted, cannot be assigned to a host");
            }
            if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
            {
                throw Errors.Conflict(Pods, name, $"pod {name} is already assigned to node \"{pod.Spec.NodeName}\"");
            }
            if ((pod.Spec?.SchedulingGates?.Count ?? 0) > 0)
            {
                // upstream's assignPod refuses with a plain error, which the API turns into a 500.
                throw Errors.Internal($"Internal error occurred: pod {name} has non-empty .spec.schedulingGates");
            }
            if (binding.Metadata?.Uid is { Length: > 0 } uid && uid != pod.Metadata.Uid)
            {
                throw Errors.Conflict(Pods, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {pod.Metadata.Uid}");
            }
            pod.Spec!.NodeName = target;
            pod.Status ??= new V1PodStatus();
            pod.Status.Conditions ??= new List<V1PodCondition>();
            var existing = pod.Status.Conditions.FirstOrDefault(c => c.Type == "PodScheduled");
            if (existing != null) pod.Status.Conditions.Remove(existing);
            pod.Status.Conditions.Add(new V1PodCondition
            {
                Type = "PodScheduled",
                Status = "True",
                LastTransitionTime = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc),
            });
            return pod;
        }, UpdateScope.Binding, WriteOptionsFor(http, query, "binding"), http.RequestAborted);
        http.Response.StatusCode = 201;
        await WriteJsonAsync(http, 201, StatusWriter.SuccessPlain());
    }

    /// <summary>pods/eviction: checks the pod's PodDisruptionBudget (<see cref="EvictionBudgets"/>), then deletes
    /// the pod with the eviction's delete options.</summary>
    private async Task EvictAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        var body = await ReadBodyAsync(http);
        V1DeleteOptions? options = null;
        if (body.Length > 0)
        {
            var node = BodyDecoder.ParseNode(body, BodyDecoder.MediaType(http.Request.ContentType));
            options = node["deleteOptions"] is JsonObject d ? KubeJson.Deserialize(d, typeof(V1DeleteOptions)) as V1DeleteOptions : null;
        }
        var pod = (V1Pod)(await store.ReadAsync(info.Namespace, info.Name!, http.RequestAborted) ?? throw Errors.NotFound(store.Resource, info.Name!)).Object;
        var precondition = await EvictionBudgets.AdmitAsync(pod, _stores[PodDisruptionBudgets], _time.GetUtcNow().UtcDateTime,
            WriteOptionsFor(http, query, "eviction"), http.RequestAborted);
        var ownPrecondition = precondition != null && options?.Preconditions?.ResourceVersion == null;
        if (ownPrecondition)
        {
            options ??= new V1DeleteOptions();
            options.Preconditions ??= new V1Preconditions();
            options.Preconditions.ResourceVersion = precondition;
        }
        try
        {
            await store.DeleteAsync(info.Namespace, info.Name!, options, query.DryRun, http.RequestAborted);
        }
        catch (StatusException e) when (e.Code == 409 && ownPrecondition)
        {
            // The unready pod changed (it may be ready now and count for its budget): upstream asks the client to retry.
            throw new StatusException(429, "TooManyRequests", EvictionBudgets.ViolatesBudget);
        }
        await WriteJsonAsync(http, 201, StatusWriter.SuccessPlain());
    }

    /// <summary>kubectl auth can-i. Authorization arrives in a later issue; until then every authenticated user may
    /// do everything, and the review says so.</summary>
    private async Task SelfSubjectAccessReviewAsync(HttpContext http, ApiRequestInfo info, QueryOptions query)
    {
        var body = await ReadBodyAsync(http);
        var review = (V1SelfSubjectAccessReview)BodyDecoder.DecodeObject(body, BodyDecoder.MediaType(http.Request.ContentType), info.Resource, query.FieldValidation, []);
        if (review.Spec?.ResourceAttributes == null && review.Spec?.NonResourceAttributes == null)
        {
            throw Errors.Invalid(info.Resource, "", [new("FieldValueRequired", "spec.resourceAttributes", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified")]);
        }
        var user = http.Items[UserInfo.ItemKey] as UserInfo;
        review.Metadata ??= new V1ObjectMeta();
        review.Metadata.CreationTimestamp = null;
        review.Status = new V1SubjectAccessReviewStatus { Allowed = true, Reason = $"no authorization is enforced yet; {user?.Name} is authenticated" };
        review.ApiVersion = info.Resource.GroupVersion;
        review.Kind = info.Resource.Kind;
        await WriteJsonAsync(http, 201, KubeJson.Serialize(review));
    }

    /// <summary>The scale subresource (autoscaling/v1 Scale) of deployments, replicasets, statefulsets and
    /// replication controllers, read from and written to the parent's spec.replicas.</summary>
    private async Task ScaleAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        if (info.Verb == "get")
        {
            var obj = await store.GetAsync(info.Namespace, info.Name!, http.RequestAborted);
            var typed = store.Decode(obj.Json, obj.ResourceVersion).Object;
            await WriteJsonAsync(http, 200, KubeJson.Serialize(ScaleOf(typed)));
            return;
        }
        var body = await ReadBodyAsync(http);
        var mediaType = BodyDecoder.MediaType(http.Request.ContentType);
        var outcome = await store.UpdateAsync(info.Namespace, info.Name!, current =>
        {
            var scale = ScaleOf(current.Object);
            V1Scale desired;
            if (info.Verb == "update")
            {
                desired = BodyDecoder.DecodeNode(BodyDecoder.ParseNode(body, mediaType), ScaleResource, FieldValidation.Ignore, []) as V1Scale
                    ?? throw Errors.BadRequest("invalid Scale");
                if (!string.IsNullOrEmpty(desired.Metadata?.ResourceVersion) && desired.Metadata.ResourceVersion != current.Object.Metadata.ResourceVersion)
                {
                    throw Errors.ObjectModified(store.Resource, info.Name!);
                }
            }
            else
            {
                var patched = PatchApplier.Apply(KubeJson.ToNode(scale), ParsePatchJson(body), mediaType, typeof(V1Scale));
                desired = (V1Scale)BodyDecoder.DecodeNode(patched, ScaleResource, FieldValidation.Ignore, []);
            }
            var replicas = desired.Spec?.Replicas ?? 0;
            if (replicas < 0)
            {
                throw Errors.Invalid(ScaleResource, info.Name!, [new("FieldValueInvalid", "spec.replicas", $"Invalid value: {replicas}: must be greater than or equal to 0")]);
            }
            var node = KubeJson.ToNode(current.Object);
            node["spec"] ??= new JsonObject();
            node["spec"]!["replicas"] = replicas;
            node["metadata"]!["resourceVersion"] = null;
            return (IKubernetesObject<V1ObjectMeta>)KubeJson.Deserialize(node, store.Resource.ModelType);
        }, UpdateScope.Main, WriteOptionsFor(http, query, "scale"), http.RequestAborted);
        await WriteJsonAsync(http, 200, KubeJson.Serialize(ScaleOf(outcome.Object)));
    }

    private static readonly ResourceInfo ScaleResource = new("autoscaling", "v1", "scale", "scale", "Scale", true,
        typeof(V1Scale), null, ["get", "patch", "update"], [], [], []);

    private static V1Scale ScaleOf(IKubernetesObject<V1ObjectMeta> obj)
    {
        var node = KubeJson.ToNode(obj);
        var selector = node["status"]?["selector"]?.GetValue<string>() ?? SelectorString(node["spec"]?["selector"]);
        return new V1Scale
        {
            ApiVersion = "autoscaling/v1",
            Kind = "Scale",
            Metadata = new V1ObjectMeta
            {
                Name = obj.Metadata.Name,
                NamespaceProperty = obj.Metadata.NamespaceProperty,
                Uid = obj.Metadata.Uid,
                ResourceVersion = obj.Metadata.ResourceVersion,
                CreationTimestamp = obj.Metadata.CreationTimestamp,
            },
            Spec = new V1ScaleSpec { Replicas = node["spec"]?["replicas"]?.GetValue<int>() ?? 0 },
            Status = new V1ScaleStatus { Replicas = node["status"]?["replicas"]?.GetValue<int>() ?? 0, Selector = selector },
        };
    }

    /// <summary>A label selector (apps kinds) or a plain map (replication controllers) in upstream's string form.</summary>
    private static string? SelectorString(JsonNode? selector)
    {
        if (selector is not JsonObject sel) return null;
        var isLabelSelector = sel.ContainsKey("matchLabels") || sel.ContainsKey("matchExpressions");
        var v1 = isLabelSelector
            ? (V1LabelSelector)KubeJson.Deserialize(sel, typeof(V1LabelSelector))
            : new V1LabelSelector { MatchLabels = (IDictionary<string, string>)KubeJson.Deserialize(sel, typeof(Dictionary<string, string>)) };
        return LabelSelector.FromV1(v1).ToString();
    }
}
