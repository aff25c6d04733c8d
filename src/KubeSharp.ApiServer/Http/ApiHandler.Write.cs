using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Patch;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiMachinery.Validation;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeSharp.ApiServer.Http;

public sealed partial class ApiHandler
{
    private async Task CreateAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        if (info.Name != null) throw Errors.MethodNotSupported(info.Resource, "create");
        var options = WriteOptionsFor(http, query, null);
        var body = await ReadBodyAsync(http);
        var warnings = new List<string>();
        var obj = BodyDecoder.DecodeObject(body, BodyDecoder.MediaType(http.Request.ContentType), info.Resource, query.FieldValidation, warnings);
        var created = await store.CreateAsync(info.Namespace, obj, options, http.RequestAborted);
        AddWarnings(http, warnings);
        await WriteObjectAsync(http, 201, store, created);
    }

    private async Task UpdateAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query, UpdateScope scope)
    {
        var options = WriteOptionsFor(http, query, null);
        var body = await ReadBodyAsync(http);
        var warnings = new List<string>();
        var obj = BodyDecoder.DecodeObject(body, BodyDecoder.MediaType(http.Request.ContentType), info.Resource, query.FieldValidation, warnings);
        var outcome = await store.UpdateAsync(info.Namespace, info.Name!, _ => obj, scope, options, http.RequestAborted);
        AddWarnings(http, warnings);
        await WriteObjectAsync(http, 200, store, outcome);
    }

    /// <summary>PATCH: the patch is applied to the current object's JSON inside the update loop, so a conflicting
    /// concurrent write makes it re-apply on the fresh object rather than fail. Server-side apply creates the
    /// object when it does not exist.</summary>
    private async Task PatchAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query, UpdateScope scope)
    {
        var options = WriteOptionsFor(http, query, null);
        var patchType = BodyDecoder.MediaType(http.Request.ContentType);
        if (patchType is not (PatchApplier.JsonPatch or PatchApplier.MergePatch or PatchApplier.StrategicMergePatch or PatchApplier.ApplyPatch))
        {
            throw new StatusException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: {PatchApplier.JsonPatch}, {PatchApplier.MergePatch}, {PatchApplier.ApplyPatch}, {PatchApplier.StrategicMergePatch}");
        }
        var body = await ReadBodyAsync(http);
        var patch = patchType == PatchApplier.ApplyPatch
            ? YamlToJson.Parse(System.Text.Encoding.UTF8.GetString(body))
            : ParsePatchJson(body);
        if (patchType == PatchApplier.ApplyPatch && string.IsNullOrEmpty(query.FieldManager))
        {
            throw Errors.BadRequest("fieldManager is required for apply requests (PATCH with application/apply-patch+yaml)");
        }
        var validation = query.FieldValidation;
        var warnings = new List<string>();

        if (patchType == PatchApplier.ApplyPatch)
        {
            await ApplyAsync(http, info, store, query, scope, patch, options, warnings);
            return;
        }

        var outcome = await store.UpdateAsync(info.Namespace, info.Name!, current =>
        {
            warnings.Clear();
            var currentNode = KubeJson.ToNode(current.Object);
            var patched = PatchApplier.Apply(currentNode, patch, patchType, info.Resource.ModelType);
            return BodyDecoder.DecodeNode(patched, info.Resource, validation, warnings);
        }, scope, options, http.RequestAborted);
        AddWarnings(http, warnings);
        await WriteObjectAsync(http, 200, store, outcome);
    }

    /// <summary>Server-side apply: the applied configuration is merged into the live object by field ownership;
    /// fields another manager owns with a different value are conflicts (409) unless force=true. Absent objects
    /// are created from the configuration.</summary>
    private async Task ApplyAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query, UpdateScope scope,
        JsonNode patch, WriteOptions options, List<string> warnings)
    {
        if (patch is not JsonObject applied) throw Errors.BadRequest("the apply configuration must be an object");
        if (scope == UpdateScope.Main) applied.Remove("status");
        var force = query.Bool("force");
        var manager = options.FieldManager!;
        var validation = query.FieldValidation;
        options = options with { Apply = true };
        var now = _time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

        var existing = scope == UpdateScope.Main ? await store.ReadAsync(info.Namespace, info.Name!, http.RequestAborted) : null;
        if (scope == UpdateScope.Main && existing == null)
        {
            var result = RunApply(null, applied, manager, force, info, now);
            var obj = BodyDecoder.DecodeNode(result, info.Resource, validation, warnings);
            obj.Metadata ??= new V1ObjectMeta();
            if (!string.IsNullOrEmpty(obj.Metadata.Name) && obj.Metadata.Name != info.Name)
            {
                throw Errors.BadRequest($"the name of the object ({obj.Metadata.Name}) does not match the name on the URL ({info.Name})");
            }
            obj.Metadata.Name = info.Name;
            var created = await store.CreateAsync(info.Namespace, obj, options, http.RequestAborted);
            AddWarnings(http, warnings);
            await WriteObjectAsync(http, 201, store, created);
            return;
        }

        var outcome = await store.UpdateAsync(info.Namespace, info.Name!, current =>
        {
            warnings.Clear();
            var result = RunApply(KubeJson.ToNode(current.Object), applied, manager, force, info, now);
            return BodyDecoder.DecodeNode(result, info.Resource, validation, warnings);
        }, scope, options, http.RequestAborted);
        AddWarnings(http, warnings);
        await WriteObjectAsync(http, 200, store, outcome);
    }

    private static JsonObject RunApply(JsonNode? live, JsonObject applied, string manager, bool force, ApiRequestInfo info, DateTime now)
    {
        ApplyResult result;
        try
        {
            result = ServerSideApply.Apply(live, applied, manager, force, info.Resource.ModelType, now);
        }
        catch (PatchException e)
        {
            throw PatchApplier.ToStatus(e);
        }
        if (!result.Succeeded || result.Object == null)
        {
            throw new StatusException(409, "Conflict", result.ConflictMessage)
            {
                DetailsName = info.Name,
                DetailsGroup = info.Resource.Group,
                DetailsKind = info.Resource.Resource,
                Causes = result.Conflicts.Select(c => new FieldError("FieldManagerConflict", c.Field, $"conflict with \"{c.Manager}\"")).ToList(),
            };
        }
        return result.Object;
    }

    /// <summary>Upstream names the field manager after the user agent's first segment when a client gives none.</summary>
    private static WriteOptions WriteOptionsFor(HttpContext http, QueryOptions query, string? subresource)
    {
        var manager = query.FieldManager;
        if (string.IsNullOrEmpty(manager))
        {
            var ua = http.Request.Headers.UserAgent.ToString();
            var slash = ua.IndexOf('/');
            manager = slash > 0 ? ua[..slash] : ua.Length > 0 ? ua : "unknown";
            if (manager.Length > 128) manager = manager[..128];
        }
        return new WriteOptions(query.DryRun, manager, false, subresource);
    }

    private static JsonNode ParsePatchJson(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) ?? throw Errors.BadRequest("the patch is null");
        }
        catch (JsonException e)
        {
            throw Errors.BadRequest($"error decoding patch: {e.Message}");
        }
    }

    private async Task DeleteAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        var options = await ReadDeleteOptionsAsync(http, query);
        var dryRun = query.DryRun || options.DryRun is { Count: > 0 };
        var outcome = await store.DeleteAsync(info.Namespace, info.Name!, options, dryRun, http.RequestAborted);
        if (outcome.Deleted && !store.Strategy.ReturnDeletedObject)
        {
            await WriteJsonAsync(http, 200, StatusWriter.Success(info.Name!, info.Resource.Group, info.Resource.Resource, outcome.Object.Metadata?.Uid));
            return;
        }
        await WriteObjectAsync(http, 200, store, outcome.Object);
    }

    private async Task DeleteCollectionAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        var options = await ReadDeleteOptionsAsync(http, query);
        var dryRun = query.DryRun || options.DryRun is { Count: > 0 };
        var filter = SelectorFilter.Create(info.Resource, info.Namespace, query.Get("labelSelector"), query.Get("fieldSelector"));
        await _feeder.WaitFreshAsync(http.RequestAborted);
        var (items, revision) = store.Cache.List(filter, _feeder.Revision, null);
        var deleted = new List<CachedObject>();
        foreach (var item in items)
        {
            try
            {
                var outcome = await store.DeleteAsync(item.Namespace.Length == 0 ? null : item.Namespace, item.Name, options, dryRun, http.RequestAborted);
                deleted.Add(ObjectDecoder.FromTyped(info.Resource, item.Key, outcome.Object, long.Parse(outcome.Object.Metadata.ResourceVersion ?? "0", System.Globalization.CultureInfo.InvariantCulture)));
            }
            catch (StatusException e) when (e.Code == 404)
            {
                // Deleted concurrently: that is what was asked.
            }
        }
        await WriteListAsync(http, info.Resource, store, deleted, revision, null, null);
    }

    private static async Task<V1DeleteOptions> ReadDeleteOptionsAsync(HttpContext http, QueryOptions query)
    {
        V1DeleteOptions options = new();
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = await ReadBodyAsync(http);
            if (body.Length > 0)
            {
                try
                {
                    var node = BodyDecoder.ParseNode(body, BodyDecoder.MediaType(http.Request.ContentType));
                    options = node.Deserialize<V1DeleteOptions>(KubeJson.Options) ?? new V1DeleteOptions();
                }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
                {
                    throw Errors.BadRequest($"error decoding DeleteOptions: {e.Message}");
                }
            }
        }
        if (query.Long("gracePeriodSeconds") is { } grace) options.GracePeriodSeconds = grace;
        if (query.Get("propagationPolicy") is { } policy) options.PropagationPolicy = policy;
        if (query.Get("orphanDependents") is { } orphan) options.OrphanDependents = orphan == "true";
        return options;
    }
}
