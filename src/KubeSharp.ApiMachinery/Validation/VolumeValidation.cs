using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's ValidateVolumes: unique DNS-label names and exactly one volume source, plus the per-source checks for
/// the common sources (configMap, secret, hostPath, persistentVolumeClaim, projected/downwardAPI modes).
/// </summary>
internal static class VolumeValidation
{
    /// <summary>Returns the names of the valid volumes (upstream only lets mounts match volumes without errors).</summary>
    public static HashSet<string> ValidateVolumes(List<FieldError> errs, IList<V1Volume>? volumes, FieldPath path)
    {
        var valid = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            var vol = volumes![i];
            var volPath = path.Index(i);
            var el = new List<FieldError>();
            ValidateSource(el, vol, volPath);
            if (string.IsNullOrEmpty(vol.Name))
            {
                el.Add(FieldErrors.Required(volPath.Child("name")));
            }
            else
            {
                CommonValidation.Dns1123Label(el, vol.Name, volPath.Child("name"));
            }
            if (seen.Contains(vol.Name ?? ""))
            {
                el.Add(FieldErrors.Duplicate(volPath.Child("name"), vol.Name ?? ""));
            }
            if (el.Count == 0)
            {
                seen.Add(vol.Name ?? "");
                valid.Add(vol.Name ?? "");
            }
            else
            {
                errs.AddRange(el);
            }
        }
        return valid;
    }

    private static void ValidateSource(List<FieldError> errs, V1Volume vol, FieldPath path)
    {
        (string Name, object? Source)[] sources =
        [
            ("hostPath", vol.HostPath), ("emptyDir", vol.EmptyDir), ("gitRepo", vol.GitRepo),
            ("gcePersistentDisk", vol.GcePersistentDisk), ("awsElasticBlockStore", vol.AwsElasticBlockStore),
            ("secret", vol.Secret), ("nfs", vol.Nfs), ("iscsi", vol.Iscsi), ("glusterfs", vol.Glusterfs),
            ("persistentVolumeClaim", vol.PersistentVolumeClaim), ("rbd", vol.Rbd), ("flexVolume", vol.FlexVolume),
            ("cinder", vol.Cinder), ("cephfs", vol.Cephfs), ("flocker", vol.Flocker), ("downwardAPI", vol.DownwardAPI),
            ("fc", vol.Fc), ("azureFile", vol.AzureFile), ("configMap", vol.ConfigMap),
            ("vsphereVolume", vol.VsphereVolume), ("quobyte", vol.Quobyte), ("azureDisk", vol.AzureDisk),
            ("photonPersistentDisk", vol.PhotonPersistentDisk), ("portworxVolume", vol.PortworxVolume),
            ("scaleIO", vol.ScaleIO), ("projected", vol.Projected), ("storageos", vol.Storageos), ("csi", vol.Csi),
            ("ephemeral", vol.Ephemeral), ("image", vol.Image),
        ];
        var count = 0;
        foreach (var (name, source) in sources)
        {
            if (source is null)
            {
                continue;
            }
            if (count++ > 0)
            {
                errs.Add(FieldErrors.Forbidden(path.Child(name), "may not specify more than 1 volume type"));
                continue;
            }
            ValidateOne(errs, source, path.Child(name));
        }
        if (count == 0)
        {
            errs.Add(FieldErrors.Required(path, "must specify a volume type"));
        }
    }

    private static void ValidateOne(List<FieldError> errs, object source, FieldPath path)
    {
        switch (source)
        {
            case V1HostPathVolumeSource hostPath:
                if (string.IsNullOrEmpty(hostPath.Path))
                {
                    errs.Add(FieldErrors.Required(path.Child("path")));
                }
                string[] types = ["", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"];
                if (hostPath.Type is not null && Array.IndexOf(types, hostPath.Type) < 0)
                {
                    errs.Add(FieldErrors.NotSupported(path.Child("type"), hostPath.Type, types));
                }
                break;
            case V1SecretVolumeSource secret:
                if (string.IsNullOrEmpty(secret.SecretName))
                {
                    errs.Add(FieldErrors.Required(path.Child("secretName")));
                }
                Mode(errs, secret.DefaultMode, path.Child("defaultMode"));
                break;
            case V1ConfigMapVolumeSource configMap:
                if (string.IsNullOrEmpty(configMap.Name))
                {
                    errs.Add(FieldErrors.Required(path.Child("name")));
                }
                else
                {
                    CommonValidation.Dns1123Subdomain(errs, configMap.Name, path.Child("name"));
                }
                Mode(errs, configMap.DefaultMode, path.Child("defaultMode"));
                break;
            case V1PersistentVolumeClaimVolumeSource pvc:
                if (string.IsNullOrEmpty(pvc.ClaimName))
                {
                    errs.Add(FieldErrors.Required(path.Child("claimName")));
                }
                break;
            case V1DownwardAPIVolumeSource downward:
                Mode(errs, downward.DefaultMode, path.Child("defaultMode"));
                break;
            case V1ProjectedVolumeSource projected:
                Mode(errs, projected.DefaultMode, path.Child("defaultMode"));
                break;
            case V1NFSVolumeSource nfs:
                if (string.IsNullOrEmpty(nfs.Server))
                {
                    errs.Add(FieldErrors.Required(path.Child("server")));
                }
                if (string.IsNullOrEmpty(nfs.Path))
                {
                    errs.Add(FieldErrors.Required(path.Child("path")));
                }
                else if (!nfs.Path.StartsWith('/'))
                {
                    errs.Add(FieldErrors.Invalid(path.Child("path"), nfs.Path, "must be an absolute path"));
                }
                break;
        }
    }

    /// <summary>upstream's validateVolumeMode messages for file modes (0000–0777 octal, i.e. 0–511).</summary>
    private static void Mode(List<FieldError> errs, int? mode, FieldPath path)
    {
        if (mode is { } m && (m < 0 || m > 511))
        {
            errs.Add(FieldErrors.Invalid(path, m, "must be a number between 0 and 0777 (octal), both inclusive"));
        }
    }

    /// <summary>upstream's validateLocalDescendingPath for subPath: relative, no '..' element.</summary>
    public static void LocalDescendingPath(List<FieldError> errs, string target, FieldPath path)
    {
        if (target.StartsWith('/'))
        {
            errs.Add(FieldErrors.Invalid(path, target, "must be a relative path"));
        }
        if (target.Split('/', '\\').Any(p => p == ".."))
        {
            errs.Add(FieldErrors.Invalid(path, target, "must not contain '..'"));
        }
    }
}
