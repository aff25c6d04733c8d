using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateEnv and validateEnvVarValueFrom.</summary>
internal static class EnvValidation
{
    private static readonly string[] FieldRefPaths =
    [
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    ];

    public static void ValidateEnv(List<FieldError> errs, IList<V1EnvVar>? vars, FieldPath path)
    {
        for (var i = 0; i < (vars?.Count ?? 0); i++)
        {
            var ev = vars![i];
            var evPath = path.Index(i);
            if (string.IsNullOrEmpty(ev.Name))
            {
                errs.Add(FieldErrors.Required(evPath.Child("name")));
            }
            errs.AddRange(NameValidation.IsRelaxedEnvVarName(ev.Name ?? "").Select(m => FieldErrors.Invalid(evPath.Child("name"), ev.Name ?? "", m)));
            ValidateValueFrom(errs, ev, evPath.Child("valueFrom"));
        }
    }

    private static void ValidateValueFrom(List<FieldError> errs, V1EnvVar ev, FieldPath path)
    {
        var from = ev.ValueFrom;
        if (from is null)
        {
            return;
        }
        var sources = 0;
        if (from.FieldRef is not null)
        {
            sources++;
            ValidateFieldRef(errs, from.FieldRef, path.Child("fieldRef"));
        }
        if (from.ResourceFieldRef is not null)
        {
            sources++;
            if (string.IsNullOrEmpty(from.ResourceFieldRef.Resource))
            {
                errs.Add(FieldErrors.Required(path.Child("resourceFieldRef", "resource")));
            }
        }
        if (from.ConfigMapKeyRef is not null)
        {
            sources++;
            ValidateKeySelector(errs, from.ConfigMapKeyRef.Name, from.ConfigMapKeyRef.Key, path.Child("configMapKeyRef"));
        }
        if (from.SecretKeyRef is not null)
        {
            sources++;
            ValidateKeySelector(errs, from.SecretKeyRef.Name, from.SecretKeyRef.Key, path.Child("secretKeyRef"));
        }
        if (sources == 0)
        {
            errs.Add(FieldErrors.Invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        }
        else if (!string.IsNullOrEmpty(ev.Value))
        {
            errs.Add(FieldErrors.Invalid(path, "", "may not be specified when `value` is not empty"));
        }
        else if (sources > 1)
        {
            errs.Add(FieldErrors.Invalid(path, "", "may not have more than one field specified at a time"));
        }
    }

    private static void ValidateFieldRef(List<FieldError> errs, V1ObjectFieldSelector fs, FieldPath path)
    {
        if (string.IsNullOrEmpty(fs.ApiVersion))
        {
            errs.Add(FieldErrors.Required(path.Child("apiVersion")));
            return;
        }
        if (string.IsNullOrEmpty(fs.FieldPath))
        {
            errs.Add(FieldErrors.Required(path.Child("fieldPath")));
            return;
        }
        // metadata.labels['x'] and metadata.annotations['x'] are the subscripted forms upstream accepts.
        if (fs.FieldPath.StartsWith("metadata.labels['", StringComparison.Ordinal)
            || fs.FieldPath.StartsWith("metadata.annotations['", StringComparison.Ordinal))
        {
            return;
        }
        if (Array.IndexOf(FieldRefPaths, fs.FieldPath) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("fieldPath"), fs.FieldPath, FieldRefPaths));
        }
    }

    private static void ValidateKeySelector(List<FieldError> errs, string? name, string? key, FieldPath path)
    {
        errs.AddRange(NameValidation.IsDns1123Subdomain(name ?? "").Select(m => FieldErrors.Invalid(path.Child("name"), name ?? "", m)));
        if (string.IsNullOrEmpty(key))
        {
            errs.Add(FieldErrors.Required(path.Child("key")));
        }
        else
        {
            errs.AddRange(NameValidation.IsConfigMapKey(key).Select(m => FieldErrors.Invalid(path.Child("key"), key, m)));
        }
    }
}
