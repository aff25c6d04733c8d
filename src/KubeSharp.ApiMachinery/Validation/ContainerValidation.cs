using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's validateContainers / validateInitContainers / validateContainerCommon: names, image, ports, env,
/// volume mounts, pull policy, termination message policy, resources and probes.
/// </summary>
internal static class ContainerValidation
{
    internal static readonly string[] PortProtocols = ["SCTP", "TCP", "UDP"];
    private const string InitForbidden = "may not be set for init containers without restartPolicy=Always";

    public static void ValidateContainers(List<FieldError> errs, IList<V1Container>? containers, ISet<string> volumes, FieldPath path)
    {
        if (containers is null || containers.Count == 0)
        {
            errs.Add(FieldErrors.Required(path));
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var ctr = containers[i];
            var ctrPath = path.Index(i);
            ValidateCommon(errs, ctr, volumes, ctrPath);
            if (!names.Add(ctr.Name ?? ""))
            {
                errs.Add(FieldErrors.Duplicate(ctrPath.Child("name"), ctr.Name ?? ""));
            }
            ProbeValidation.ValidateLiveness(errs, ctr.LivenessProbe, ctrPath.Child("livenessProbe"));
            ProbeValidation.ValidateReadiness(errs, ctr.ReadinessProbe, ctrPath.Child("readinessProbe"));
            ProbeValidation.ValidateStartup(errs, ctr.StartupProbe, ctrPath.Child("startupProbe"));
            if (ctr.RestartPolicy is not null)
            {
                errs.Add(FieldErrors.Forbidden(ctrPath.Child("restartPolicy"), "may not be set for non-init containers"));
            }
        }
    }

    /// <summary>Init container names must be unique across init and app containers (upstream's shared name set).</summary>
    public static void ValidateInitContainers(List<FieldError> errs, IList<V1Container>? initContainers, IList<V1Container>? containers,
        ISet<string> volumes, FieldPath path)
    {
        if (initContainers is null)
        {
            return;
        }
        var names = new HashSet<string>((containers ?? []).Select(c => c.Name ?? ""), StringComparer.Ordinal);
        for (var i = 0; i < initContainers.Count; i++)
        {
            var ctr = initContainers[i];
            var ctrPath = path.Index(i);
            ValidateCommon(errs, ctr, volumes, ctrPath);
            var restartAlways = false;
            if (ctr.RestartPolicy is not null)
            {
                if (ctr.RestartPolicy != "Always")
                {
                    errs.Add(FieldErrors.NotSupported(ctrPath.Child("restartPolicy"), ctr.RestartPolicy, ["Always"]));
                }
                restartAlways = ctr.RestartPolicy == "Always";
            }
            if (names.Contains(ctr.Name ?? ""))
            {
                errs.Add(FieldErrors.Duplicate(ctrPath.Child("name"), ctr.Name ?? ""));
            }
            else if (!string.IsNullOrEmpty(ctr.Name))
            {
                names.Add(ctr.Name);
            }
            if (restartAlways)
            {
                // Sidecar containers may carry probes, validated like app containers'.
                ProbeValidation.ValidateLiveness(errs, ctr.LivenessProbe, ctrPath.Child("livenessProbe"));
                ProbeValidation.ValidateReadiness(errs, ctr.ReadinessProbe, ctrPath.Child("readinessProbe"));
                ProbeValidation.ValidateStartup(errs, ctr.StartupProbe, ctrPath.Child("startupProbe"));
                continue;
            }
            if (ctr.Lifecycle is not null)
            {
                errs.Add(FieldErrors.Forbidden(ctrPath.Child("lifecycle"), InitForbidden));
            }
            if (ctr.LivenessProbe is not null)
            {
                errs.Add(FieldErrors.Forbidden(ctrPath.Child("livenessProbe"), InitForbidden));
            }
            if (ctr.ReadinessProbe is not null)
            {
                errs.Add(FieldErrors.Forbidden(ctrPath.Child("readinessProbe"), InitForbidden));
            }
            if (ctr.StartupProbe is not null)
            {
                errs.Add(FieldErrors.Forbidden(ctrPath.Child("startupProbe"), InitForbidden));
            }
        }
    }

    private static void ValidateCommon(List<FieldError> errs, V1Container ctr, ISet<string> volumes, FieldPath path)
    {
        if (string.IsNullOrEmpty(ctr.Name))
        {
            errs.Add(FieldErrors.Required(path.Child("name")));
        }
        else
        {
            CommonValidation.Dns1123Label(errs, ctr.Name, path.Child("name"));
        }
        if (string.IsNullOrEmpty(ctr.Image))
        {
            errs.Add(FieldErrors.Required(path.Child("image")));
        }
        switch (ctr.TerminationMessagePolicy)
        {
            case "File" or "FallbackToLogsOnError":
                break;
            case null or "":
                errs.Add(FieldErrors.Required(path.Child("terminationMessagePolicy"), "must be 'File' or 'FallbackToLogsOnError'"));
                break;
            default:
                errs.Add(FieldErrors.NotSupported(path.Child("terminationMessagePolicy"), ctr.TerminationMessagePolicy,
                    ["File", "FallbackToLogsOnError"]));
                break;
        }
        ValidatePorts(errs, ctr.Ports, path.Child("ports"));
        EnvValidation.ValidateEnv(errs, ctr.Env, path.Child("env"));
        ValidateVolumeMounts(errs, ctr.VolumeMounts, volumes, path.Child("volumeMounts"));
        CommonValidation.Enum(errs, ctr.ImagePullPolicy, path.Child("imagePullPolicy"), "Always", "IfNotPresent", "Never");
        ResourceValidation.ValidateContainerResources(errs, ctr.Resources, path.Child("resources"));
    }

    private static void ValidatePorts(List<FieldError> errs, IList<V1ContainerPort>? ports, FieldPath path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            var port = ports![i];
            var portPath = path.Index(i);
            if (!string.IsNullOrEmpty(port.Name))
            {
                var msgs = NameValidation.IsValidPortName(port.Name);
                if (msgs.Count > 0)
                {
                    errs.AddRange(msgs.Select(m => FieldErrors.Invalid(portPath.Child("name"), port.Name, m)));
                }
                else if (!names.Add(port.Name))
                {
                    errs.Add(FieldErrors.Duplicate(portPath.Child("name"), port.Name));
                }
            }
            if (port.ContainerPort == 0)
            {
                errs.Add(FieldErrors.Required(portPath.Child("containerPort")));
            }
            else
            {
                errs.AddRange(NameValidation.IsValidPortNum(port.ContainerPort)
                    .Select(m => FieldErrors.Invalid(portPath.Child("containerPort"), port.ContainerPort, m)));
            }
            if (port.HostPort is { } hostPort and not 0)
            {
                errs.AddRange(NameValidation.IsValidPortNum(hostPort).Select(m => FieldErrors.Invalid(portPath.Child("hostPort"), hostPort, m)));
            }
            if (string.IsNullOrEmpty(port.Protocol))
            {
                errs.Add(FieldErrors.Required(portPath.Child("protocol")));
            }
            else if (Array.IndexOf(PortProtocols, port.Protocol) < 0)
            {
                errs.Add(FieldErrors.NotSupported(portPath.Child("protocol"), port.Protocol, PortProtocols));
            }
        }
    }

    /// <summary>upstream's ValidateVolumeMounts: the volume must exist (Not found) and mount paths be unique.</summary>
    private static void ValidateVolumeMounts(List<FieldError> errs, IList<V1VolumeMount>? mounts, ISet<string> volumes, FieldPath path)
    {
        var mountPoints = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (mounts?.Count ?? 0); i++)
        {
            var mnt = mounts![i];
            var mntPath = path.Index(i);
            if (string.IsNullOrEmpty(mnt.Name))
            {
                errs.Add(FieldErrors.Required(mntPath.Child("name")));
            }
            if (!volumes.Contains(mnt.Name ?? ""))
            {
                errs.Add(FieldErrors.NotFound(mntPath.Child("name"), mnt.Name ?? ""));
            }
            if (string.IsNullOrEmpty(mnt.MountPath))
            {
                errs.Add(FieldErrors.Required(mntPath.Child("mountPath")));
            }
            if (!mountPoints.Add(mnt.MountPath ?? ""))
            {
                errs.Add(FieldErrors.Invalid(mntPath.Child("mountPath"), mnt.MountPath ?? "", "must be unique"));
            }
            if (!string.IsNullOrEmpty(mnt.SubPath))
            {
                VolumeValidation.LocalDescendingPath(errs, mnt.SubPath, path.Child("subPath"));
            }
        }
    }
}
