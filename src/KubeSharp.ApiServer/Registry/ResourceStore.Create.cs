using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Http;
using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry;

public sealed partial class ResourceStore
{
    private const string NameSuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>POST: server-set metadata, namespace admission, strategy defaults, validation, then a create that
    /// fails if the key exists. Returns the stored object with its resourceVersion.</summary>
    public async Task<CreateOutcome> CreateAsync(string? ns, IKubernetesObject<V1ObjectMeta> obj,
        WriteOptions options, CancellationToken cancellationToken)
    {
        var meta = obj.Metadata ??= new V1ObjectMeta();
        if (Resource.Namespaced)
        {
            if (!string.IsNullOrEmpty(meta.NamespaceProperty) && ns != null && meta.NamespaceProperty != ns)
            {
                throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            meta.NamespaceProperty = ns ?? meta.NamespaceProperty;
        }
        else
        {
            meta.NamespaceProperty = null;
        }

        if (string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName))
        {
            meta.Name = meta.GenerateName + RandomSuffix();
        }
        if (string.IsNullOrEmpty(meta.Name))
        {
            throw Errors.Invalid(Resource, "", [new(ApiMachinery.Validation.FieldErrorType.Required, "metadata.name", "Required value: name or generateName is required")]);
        }

        if (Resource.Namespaced) await _namespaces.AdmitCreateAsync(Resource, meta.NamespaceProperty, meta.Name, cancellationToken);

        meta.Uid = Guid.NewGuid().ToString();
        meta.CreationTimestamp = Now();
        meta.ResourceVersion = null;
        meta.DeletionTimestamp = null;
        meta.DeletionGracePeriodSeconds = null;
        meta.Generation = Strategy.TracksGeneration ? 1 : null;
        meta.SelfLink = null;
        Strategy.PrepareForCreate(obj);
        foreach (var plugin in _admission) await plugin.AdmitCreateAsync(Resource, obj, cancellationToken);

        if (!options.Apply) RecordManagedFields(obj, null, options);

        // Side allocations (a Service's cluster IP and node ports) happen before validation, as upstream's
        // BeginCreate, because validation checks the allocated values; they are given back if the create does
        // not happen. Allocated values are the server's, so they are not in the client's managedFields.
        var txn = _hooks == null ? null : await _hooks.BeginCreateAsync(obj, options.DryRun, cancellationToken);
        var committed = false;
        try
        {
            var errors = Strategy.ValidateCreate(obj);
            if (errors.Count > 0) throw Errors.Invalid(Resource, meta.Name, errors);

            var undos = await ValidateAdmissionAsync(new AdmissionRequest(Resource, obj, null, options.DryRun), cancellationToken);
            if (options.DryRun)
            {
                if (await _store.GetAsync(Key(meta.NamespaceProperty, meta.Name), 0, cancellationToken) != null)
                {
                    throw Errors.AlreadyExists(Resource, meta.Name);
                }
                return new CreateOutcome(obj, KubeJson.Serialize(obj, Resource.ModelType));
            }

            var bytes = Encode(obj);
            // Admission's charges are undone only when the write definitely did not happen; after an exception it
            // may have, and an overcharge is safer (the resourcequota controller corrects it) than an undercharge.
            var result = await _store.CreateAsync(Key(meta.NamespaceProperty, meta.Name), bytes, cancellationToken);
            if (result.Status == WriteStatus.AlreadyExists)
            {
                await UndoAsync(undos);
                throw Errors.AlreadyExists(Resource, meta.Name);
            }
            committed = true;
            SetVersion(obj, result.Revision);
            return new CreateOutcome(obj, ResourceVersionInjector.Inject(bytes, result.Revision));
        }
        finally
        {
            if (txn != null)
            {
                if (committed) await txn.CommitAsync(CancellationToken.None);
                else await txn.RevertAsync(CancellationToken.None);
            }
        }
    }

    private static string RandomSuffix()
    {
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++) chars[i] = NameSuffixAlphabet[Random.Shared.Next(NameSuffixAlphabet.Length)];
        return new string(chars);
    }
}
