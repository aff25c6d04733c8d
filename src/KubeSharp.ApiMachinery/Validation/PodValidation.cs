using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidatePodCreate and ValidatePodUpdate.</summary>
public static class PodValidation
{
    private static readonly FieldPath Spec = FieldPath.Root("spec");

    /// <summary>upstream 1.32's updatablePodSpecFieldsNoResources, joined with "," into the Forbidden message.</summary>
    internal const string UpdatableFields =
        "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`," +
        "`spec.tolerations` (only additions to existing tolerations)," +
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    public static List<FieldError> ValidateCreate(V1Pod pod)
    {
        var errs = MetadataValidation.ValidateObjectMeta(pod.Metadata, true, NameValidation.NameIsDnsSubdomain);
        errs.AddRange(PodSpecValidation.ValidatePodSpec(pod.Spec, Spec));
        if ((pod.Spec?.EphemeralContainers?.Count ?? 0) > 0)
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("ephemeralContainers"), "cannot be set on create"));
        }
        if (!string.IsNullOrEmpty(pod.Spec?.NodeName) && (pod.Spec.SchedulingGates?.Count ?? 0) > 0)
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("nodeName"), "cannot be set until all schedulingGates have been cleared"));
        }
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Pod pod, V1Pod old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(pod.Metadata, old.Metadata);
        errs.AddRange(PodSpecValidation.ValidatePodSpec(pod.Spec, Spec));
        var spec = pod.Spec ?? new V1PodSpec();
        var oldSpec = old.Spec ?? new V1PodSpec();
        if (!ContainerImagesUpdatable(errs, spec.Containers, oldSpec.Containers, Spec.Child("containers"))
            || !ContainerImagesUpdatable(errs, spec.InitContainers, oldSpec.InitContainers, Spec.Child("initContainers")))
        {
            return errs;
        }
        if (spec.ActiveDeadlineSeconds is { } deadline)
        {
            if (deadline < 0 || deadline > int.MaxValue)
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("activeDeadlineSeconds"), deadline, NameValidation.InclusiveRangeError(0, int.MaxValue)));
                return errs;
            }
            if (oldSpec.ActiveDeadlineSeconds is { } oldDeadline && oldDeadline < deadline)
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("activeDeadlineSeconds"), deadline, "must be less than or equal to previous value"));
                return errs;
            }
        }
        else if (oldSpec.ActiveDeadlineSeconds is not null)
        {
            errs.Add(FieldErrors.Invalid(Spec.Child("activeDeadlineSeconds"), null, "must not update from a positive integer to nil value"));
        }
        ValidateOnlyAddedTolerations(errs, spec.Tolerations, oldSpec.Tolerations, Spec.Child("tolerations"));

        // Munge the updatable fields to their old values; anything else that differs is forbidden.
        var munged = JsonDiff.Clone(spec);
        CopyImages(munged.Containers, oldSpec.Containers);
        CopyImages(munged.InitContainers, oldSpec.InitContainers);
        munged.ActiveDeadlineSeconds = oldSpec.ActiveDeadlineSeconds;
        munged.Tolerations = oldSpec.Tolerations;
        if (oldSpec.TerminationGracePeriodSeconds is < 0 && munged.TerminationGracePeriodSeconds == 1)
        {
            munged.TerminationGracePeriodSeconds = oldSpec.TerminationGracePeriodSeconds;
        }
        // Scheduling gates may only be removed after creation: a gate the old pod did not have is forbidden by name,
        // and the remaining change (removals, reordering) is then allowed (upstream validateOnlyDeletedSchedulingGates).
        ValidateOnlyDeletedSchedulingGates(errs, spec.SchedulingGates, oldSpec.SchedulingGates, Spec.Child("schedulingGates"));
        munged.SchedulingGates = oldSpec.SchedulingGates;
        if (!JsonDiff.SemanticEqual(munged, oldSpec))
        {
            errs.Add(FieldErrors.Forbidden(Spec,
                $"pod updates may not change fields other than {UpdatableFields}\n{JsonDiff.Describe(oldSpec, munged)}"));
        }
        return errs;
    }

    private static void ValidateOnlyDeletedSchedulingGates(List<FieldError> errs, IList<V1PodSchedulingGate>? gates,
        IList<V1PodSchedulingGate>? oldGates, FieldPath path)
    {
        for (var i = 0; i < (gates?.Count ?? 0); i++)
        {
            var name = gates![i].Name;
            var existed = false;
            for (var j = 0; j < (oldGates?.Count ?? 0) && !existed; j++) existed = oldGates![j].Name == name;
            if (!existed)
            {
                errs.Add(FieldErrors.Forbidden(path.Index(i).Child("name"), $"only deletion is allowed, but found new scheduling gate '{name}'"));
            }
        }
    }

    private static bool ContainerImagesUpdatable(List<FieldError> errs, IList<V1Container>? containers, IList<V1Container>? old, FieldPath path)
    {
        if ((containers?.Count ?? 0) != (old?.Count ?? 0))
        {
            errs.Add(FieldErrors.Forbidden(path, "pod updates may not add or remove containers"));
            return false;
        }
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            var image = containers![i].Image ?? "";
            if (image.Length == 0)
            {
                // ValidatePodSpec already reported the missing image on this path.
                continue;
            }
            if (image.Trim().Length != image.Length)
            {
                errs.Add(FieldErrors.Invalid(path.Index(i).Child("image"), image, "must not have leading or trailing whitespace"));
            }
        }
        return true;
    }

    private static void CopyImages(IList<V1Container>? target, IList<V1Container>? source)
    {
        for (var i = 0; i < (target?.Count ?? 0); i++)
        {
            target![i].Image = source![i].Image;
        }
    }

    /// <summary>upstream's validateOnlyAddedTolerations: existing tolerations stay, except NoExecute tolerationSeconds.</summary>
    private static void ValidateOnlyAddedTolerations(List<FieldError> errs, IList<V1Toleration>? tolerations, IList<V1Toleration>? old, FieldPath path)
    {
        foreach (var o in old ?? [])
        {
            var found = (tolerations ?? []).Any(n => n.Key == o.Key && (n.OperatorProperty ?? "Equal") == (o.OperatorProperty ?? "Equal")
                && (n.Value ?? "") == (o.Value ?? "") && (n.Effect ?? "") == (o.Effect ?? "")
                && (n.Effect == "NoExecute" || n.TolerationSeconds == o.TolerationSeconds));
            if (!found)
            {
                errs.Add(FieldErrors.Forbidden(path, "existing toleration can not be modified except its tolerationSeconds"));
                return;
            }
        }
    }
}
