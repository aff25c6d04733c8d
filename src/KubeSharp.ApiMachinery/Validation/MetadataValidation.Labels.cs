using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>Label, annotation and label selector rules (upstream's ValidateLabels/ValidateAnnotations/ValidateLabelSelector).</summary>
public static partial class MetadataValidation
{
    /// <summary>upstream's ValidateLabels: keys are qualified names, values label values; errors on the map's path.</summary>
    public static List<FieldError> ValidateLabels(IDictionary<string, string>? labels, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (labels is null)
        {
            return errs;
        }
        foreach (var (key, value) in labels)
        {
            foreach (var msg in NameValidation.IsQualifiedName(key))
            {
                errs.Add(FieldErrors.Invalid(path, key, msg));
            }
            foreach (var msg in NameValidation.IsValidLabelValue(value ?? ""))
            {
                errs.Add(FieldErrors.Invalid(path, value, msg));
            }
        }
        return errs;
    }

    /// <summary>upstream's ValidateAnnotations: keys are qualified names (case-insensitive), total size ≤ 256 KiB.</summary>
    public static List<FieldError> ValidateAnnotations(IDictionary<string, string>? annotations, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (annotations is null)
        {
            return errs;
        }
        long total = 0;
        foreach (var (key, value) in annotations)
        {
            foreach (var msg in NameValidation.IsQualifiedName(key.ToLowerInvariant()))
            {
                errs.Add(FieldErrors.Invalid(path, key, msg));
            }
            total += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value ?? "");
        }
        if (total > NameValidation.TotalAnnotationSizeLimitBytes)
        {
            errs.Add(FieldErrors.TooLong(path, NameValidation.TotalAnnotationSizeLimitBytes));
        }
        return errs;
    }

    /// <summary>upstream's ValidateLabelSelector (matchLabels and matchExpressions).</summary>
    public static List<FieldError> ValidateLabelSelector(V1LabelSelector? selector, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (selector is null)
        {
            return errs;
        }
        errs.AddRange(ValidateLabels(selector.MatchLabels, path.Child("matchLabels")));
        var exprs = selector.MatchExpressions ?? [];
        for (var i = 0; i < exprs.Count; i++)
        {
            var req = exprs[i];
            var reqPath = path.Child("matchExpressions").Index(i);
            var values = req.Values ?? [];
            switch (req.OperatorProperty)
            {
                case "In" or "NotIn":
                    if (values.Count == 0)
                    {
                        errs.Add(FieldErrors.Required(reqPath.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                    }
                    break;
                case "Exists" or "DoesNotExist":
                    if (values.Count > 0)
                    {
                        errs.Add(FieldErrors.Forbidden(reqPath.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }
                    break;
                default:
                    errs.Add(FieldErrors.Invalid(reqPath.Child("operator"), req.OperatorProperty ?? "", "not a valid selector operator"));
                    break;
            }
            foreach (var msg in NameValidation.IsQualifiedName(req.Key ?? ""))
            {
                errs.Add(FieldErrors.Invalid(reqPath.Child("key"), req.Key ?? "", msg));
            }
            for (var v = 0; v < values.Count; v++)
            {
                foreach (var msg in NameValidation.IsValidLabelValue(values[v] ?? ""))
                {
                    errs.Add(FieldErrors.Invalid(reqPath.Child("values").Index(v), values[v], msg));
                }
            }
        }
        return errs;
    }
}
