using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's ValidatePodSpec for the fields KubeSharp serves: volumes, containers, init containers, restart and
/// DNS policy, node selector, service account and node names, deadlines, hostname/subdomain, tolerations.
/// </summary>
public static class PodSpecValidation
{
    internal static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    internal static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    internal static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    public static List<FieldError> ValidatePodSpec(V1PodSpec? spec, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (spec is null)
        {
            errs.Add(FieldErrors.Required(path));
            return errs;
        }
        var volumes = VolumeValidation.ValidateVolumes(errs, spec.Volumes, path.Child("volumes"));
        ContainerValidation.ValidateContainers(errs, spec.Containers, volumes, path.Child("containers"));
        ContainerValidation.ValidateInitContainers(errs, spec.InitContainers, spec.Containers, volumes, path.Child("initContainers"));
        CommonValidation.Enum(errs, spec.RestartPolicy, path.Child("restartPolicy"), RestartPolicies);
        CommonValidation.Enum(errs, spec.DnsPolicy, path.Child("dnsPolicy"), DnsPolicies);
        ValidateHostPorts(errs, spec.Containers, path.Child("containers"));
        if (spec.DnsPolicy == "None")
        {
            // upstream's validatePodDNSConfig: with policy None the pod supplies its own resolver.
            if (spec.DnsConfig is null)
            {
                errs.Add(FieldErrors.Required(path.Child("dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None"));
            }
            else if ((spec.DnsConfig.Nameservers?.Count ?? 0) == 0)
            {
                errs.Add(FieldErrors.Required(path.Child("dnsConfig", "nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None"));
            }
        }
        errs.AddRange(MetadataValidation.ValidateLabels(spec.NodeSelector, path.Child("nodeSelector")));
        ValidateSchedulingGates(errs, spec.SchedulingGates, path.Child("schedulingGates"));
        if (!string.IsNullOrEmpty(spec.ServiceAccountName))
        {
            errs.AddRange(NameValidation.IsDns1123Subdomain(spec.ServiceAccountName)
                .Select(m => FieldErrors.Invalid(path.Child("serviceAccountName"), spec.ServiceAccountName, m)));
        }
        if (!string.IsNullOrEmpty(spec.NodeName))
        {
            errs.AddRange(NameValidation.IsDns1123Subdomain(spec.NodeName)
                .Select(m => FieldErrors.Invalid(path.Child("nodeName"), spec.NodeName, m)));
        }
        if (spec.ActiveDeadlineSeconds is { } deadline && (deadline < 1 || deadline > int.MaxValue))
        {
            errs.Add(FieldErrors.Invalid(path.Child("activeDeadlineSeconds"), deadline, NameValidation.InclusiveRangeError(1, int.MaxValue)));
        }
        // Upstream 1.32 mutates negative grace periods to 1 on create; KubeSharp rejects them instead (stricter).
        CommonValidation.NonNegative(errs, spec.TerminationGracePeriodSeconds, path.Child("terminationGracePeriodSeconds"));
        if (!string.IsNullOrEmpty(spec.Hostname))
        {
            CommonValidation.Dns1123Label(errs, spec.Hostname, path.Child("hostname"));
        }
        if (!string.IsNullOrEmpty(spec.Subdomain))
        {
            CommonValidation.Dns1123Label(errs, spec.Subdomain, path.Child("subdomain"));
        }
        ValidateTolerations(errs, spec.Tolerations, path.Child("tolerations"));
        if (!string.IsNullOrEmpty(spec.PriorityClassName))
        {
            errs.AddRange(NameValidation.IsDns1123Subdomain(spec.PriorityClassName)
                .Select(m => FieldErrors.Invalid(path.Child("priorityClassName"), spec.PriorityClassName, m)));
        }
        if (spec.PreemptionPolicy is not null && spec.PreemptionPolicy is not ("PreemptLowerPriority" or "Never"))
        {
            errs.Add(FieldErrors.NotSupported(path.Child("preemptionPolicy"), spec.PreemptionPolicy, ["Never", "PreemptLowerPriority"]));
        }
        for (var i = 0; i < (spec.ImagePullSecrets?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(spec.ImagePullSecrets![i].Name))
            {
                errs.Add(FieldErrors.Required(path.Child("imagePullSecrets").Index(i).Child("name")));
            }
        }
        return errs;
    }

    /// <summary>upstream's AccumulateUniqueHostPorts: one hostIP/protocol/hostPort per pod across app containers.</summary>
    private static void ValidateHostPorts(List<FieldError> errs, IList<V1Container>? containers, FieldPath path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < (containers?.Count ?? 0); c++)
        {
            var ports = containers![c].Ports ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                if (ports[p].HostPort is not { } hostPort || hostPort == 0)
                {
                    continue;
                }
                var key = $"{ports[p].HostIP}/{ports[p].Protocol}/{hostPort}";
                if (!seen.Add(key))
                {
                    errs.Add(FieldErrors.Duplicate(path.Index(c).Child("ports").Index(p).Child("hostPort"), key));
                }
            }
        }
    }

    /// <summary>upstream's ValidateTolerations.</summary>
    internal static void ValidateTolerations(List<FieldError> errs, IList<V1Toleration>? tolerations, FieldPath path)
    {
        for (var i = 0; i < (tolerations?.Count ?? 0); i++)
        {
            var t = tolerations![i];
            var tPath = path.Index(i);
            if (!string.IsNullOrEmpty(t.Key))
            {
                CommonValidation.QualifiedName(errs, t.Key, tPath.Child("key"));
            }
            if (string.IsNullOrEmpty(t.Key) && t.OperatorProperty != "Exists")
            {
                errs.Add(FieldErrors.Invalid(tPath.Child("operator"), t.OperatorProperty ?? "",
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }
            if (t.TolerationSeconds is not null && t.Effect != "NoExecute")
            {
                errs.Add(FieldErrors.Invalid(tPath.Child("effect"), t.Effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }
            switch (t.OperatorProperty)
            {
                case null or "" or "Equal":
                    var msgs = NameValidation.IsValidLabelValue(t.Value ?? "");
                    if (msgs.Count > 0)
                    {
                        errs.Add(FieldErrors.Invalid(tPath.Child("operator"), t.Value ?? "", string.Join(";", msgs)));
                    }
                    break;
                case "Exists":
                    if (!string.IsNullOrEmpty(t.Value))
                    {
                        errs.Add(FieldErrors.Invalid(tPath.Child("operator"), new GoLiteral("core.Toleration{...}"),
                            "value must be empty when `operator` is 'Exists'"));
                    }
                    break;
                default:
                    errs.Add(FieldErrors.NotSupported(tPath.Child("operator"), t.OperatorProperty, ["Equal", "Exists"]));
                    break;
            }
            if (!string.IsNullOrEmpty(t.Effect) && Array.IndexOf(TaintEffects, t.Effect) < 0)
            {
                errs.Add(FieldErrors.NotSupported(tPath.Child("effect"), t.Effect, TaintEffects));
            }
        }
    }

    /// <summary>upstream's ValidatePodTemplateSpec: template labels/annotations, the pod spec, no ephemeral containers.</summary>
    /// <summary>upstream validateSchedulingGates: each gate a qualified name, no name twice.</summary>
    private static void ValidateSchedulingGates(List<FieldError> errs, IList<V1PodSchedulingGate>? gates, FieldPath path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (gates?.Count ?? 0); i++)
        {
            var name = gates![i].Name ?? "";
            CommonValidation.QualifiedName(errs, name, path.Index(i));
            if (!seen.Add(name)) errs.Add(FieldErrors.Duplicate(path.Index(i), name));
        }
    }

    public static List<FieldError> ValidatePodTemplateSpec(V1PodTemplateSpec? template, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (template is null)
        {
            errs.Add(FieldErrors.Required(path));
            return errs;
        }
        errs.AddRange(MetadataValidation.ValidateLabels(template.Metadata?.Labels, path.Child("labels")));
        errs.AddRange(MetadataValidation.ValidateAnnotations(template.Metadata?.Annotations, path.Child("annotations")));
        errs.AddRange(ValidatePodSpec(template.Spec, path.Child("spec")));
        if ((template.Spec?.EphemeralContainers?.Count ?? 0) > 0)
        {
            errs.Add(FieldErrors.Forbidden(path.Child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
        }
        return errs;
    }
}
