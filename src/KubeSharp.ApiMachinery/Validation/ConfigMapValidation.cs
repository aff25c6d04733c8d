using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateConfigMap / ValidateConfigMapUpdate.</summary>
public static class ConfigMapValidation
{
    /// <summary>upstream's core.MaxSecretSize, shared by ConfigMaps.</summary>
    public const int MaxSize = 1024 * 1024;

    private const string ImmutableMsg = "field is immutable when `immutable` is set";

    public static List<FieldError> ValidateCreate(V1ConfigMap cm)
    {
        var errs = MetadataValidation.ValidateObjectMeta(cm.Metadata, true, NameValidation.NameIsDnsSubdomain);
        var total = 0L;
        foreach (var (key, value) in cm.Data ?? new Dictionary<string, string>())
        {
            errs.AddRange(NameValidation.IsConfigMapKey(key).Select(m => FieldErrors.Invalid(FieldPath.Root("data").Key(key), key, m)));
            total += System.Text.Encoding.UTF8.GetByteCount(value ?? "");
        }
        foreach (var (key, value) in cm.BinaryData ?? new Dictionary<string, byte[]>())
        {
            errs.AddRange(NameValidation.IsConfigMapKey(key).Select(m => FieldErrors.Invalid(FieldPath.Root("binaryData").Key(key), key, m)));
            if (cm.Data?.ContainsKey(key) == true)
            {
                errs.Add(FieldErrors.Invalid(FieldPath.Root("binaryData").Key(key), key, "duplicate of key present in data"));
            }
            total += value?.Length ?? 0;
        }
        if (total > MaxSize)
        {
            // upstream reports the size on field.NewPath(""), which renders as "[]".
            errs.Add(FieldErrors.TooLong(FieldPath.Root("[]"), MaxSize));
        }
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1ConfigMap cm, V1ConfigMap old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(cm.Metadata, old.Metadata);
        if (old.Immutable == true)
        {
            if (cm.Immutable != true)
            {
                errs.Add(FieldErrors.Forbidden(FieldPath.Root("immutable"), ImmutableMsg));
            }
            if (!JsonDiff.SemanticEqual(cm.Data, old.Data))
            {
                errs.Add(FieldErrors.Forbidden(FieldPath.Root("data"), ImmutableMsg));
            }
            if (!JsonDiff.SemanticEqual(cm.BinaryData, old.BinaryData))
            {
                errs.Add(FieldErrors.Forbidden(FieldPath.Root("binaryData"), ImmutableMsg));
            }
        }
        var create = ValidateCreate(cm);
        // Metadata was checked by the update rules; keep only the content errors.
        errs.AddRange(create.Where(e => !e.Field.StartsWith("metadata", StringComparison.Ordinal)));
        return errs;
    }
}
