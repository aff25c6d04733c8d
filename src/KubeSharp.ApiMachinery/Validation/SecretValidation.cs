using System.Text.Json;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's ValidateSecret / ValidateSecretUpdate. upstream merges stringData into data during conversion, before
/// validation; KubeSharp validates the union so keys from either field are checked under data[key].
/// </summary>
public static class SecretValidation
{
    private static readonly FieldPath Data = FieldPath.Root("data");
    private const string ImmutableMsg = "field is immutable when `immutable` is set";

    public static List<FieldError> ValidateCreate(V1Secret secret)
    {
        var errs = MetadataValidation.ValidateObjectMeta(secret.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateContent(errs, secret);
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Secret secret, V1Secret old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(secret.Metadata, old.Metadata);
        if ((secret.Type ?? "") != (old.Type ?? ""))
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root("type"), secret.Type ?? ""));
        }
        if (old.Immutable == true)
        {
            if (secret.Immutable != true)
            {
                errs.Add(FieldErrors.Forbidden(FieldPath.Root("immutable"), ImmutableMsg));
            }
            if (!JsonDiff.SemanticEqual(Merged(secret), Merged(old)))
            {
                errs.Add(FieldErrors.Forbidden(Data, ImmutableMsg));
            }
        }
        ValidateContent(errs, secret);
        return errs;
    }

    private static Dictionary<string, byte[]> Merged(V1Secret secret)
    {
        var data = new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            data[key] = System.Text.Encoding.UTF8.GetBytes(value ?? "");
        }
        return data;
    }

    private static void ValidateContent(List<FieldError> errs, V1Secret secret)
    {
        var data = Merged(secret);
        var total = 0L;
        foreach (var (key, value) in data)
        {
            errs.AddRange(NameValidation.IsConfigMapKey(key).Select(m => FieldErrors.Invalid(Data.Key(key), key, m)));
            total += value?.Length ?? 0;
        }
        if (total > ConfigMapValidation.MaxSize)
        {
            errs.Add(FieldErrors.TooLong(Data, ConfigMapValidation.MaxSize));
        }
        switch (secret.Type)
        {
            case "kubernetes.io/service-account-token":
                if (string.IsNullOrEmpty(secret.Metadata?.Annotations?.TryGetValue("kubernetes.io/service-account.name", out var sa) == true ? sa : null))
                {
                    errs.Add(FieldErrors.Required(FieldPath.Root("metadata").Child("annotations").Key("kubernetes.io/service-account.name")));
                }
                break;
            case "kubernetes.io/dockercfg":
                RequireJson(errs, data, ".dockercfg");
                break;
            case "kubernetes.io/dockerconfigjson":
                RequireJson(errs, data, ".dockerconfigjson");
                break;
            case "kubernetes.io/basic-auth":
                if (!data.ContainsKey("username") && !data.ContainsKey("password"))
                {
                    errs.Add(FieldErrors.Required(Data.Key("username")));
                    errs.Add(FieldErrors.Required(Data.Key("password")));
                }
                break;
            case "kubernetes.io/ssh-auth":
                if (!data.TryGetValue("ssh-privatekey", out var sshKey) || sshKey.Length == 0)
                {
                    errs.Add(FieldErrors.Required(Data.Key("ssh-privatekey")));
                }
                break;
            case "kubernetes.io/tls":
                if (!data.ContainsKey("tls.crt"))
                {
                    errs.Add(FieldErrors.Required(Data.Key("tls.crt")));
                }
                if (!data.ContainsKey("tls.key"))
                {
                    errs.Add(FieldErrors.Required(Data.Key("tls.key")));
                }
                break;
        }
    }

    /// <summary>Docker config secrets need their key, holding a JSON object.</summary>
    private static void RequireJson(List<FieldError> errs, Dictionary<string, byte[]> data, string key)
    {
        if (!data.TryGetValue(key, out var bytes))
        {
            errs.Add(FieldErrors.Required(Data.Key(key)));
            return;
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                errs.Add(FieldErrors.Invalid(Data.Key(key), "<secret contents redacted>", "json: cannot unmarshal into Go value of type map[string]interface {}"));
            }
        }
        catch (JsonException)
        {
            errs.Add(FieldErrors.Invalid(Data.Key(key), "<secret contents redacted>", "invalid character in JSON"));
        }
    }
}
