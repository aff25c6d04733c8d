using k8s.Models;
using static KubeSharp.ApiMachinery.Validation.JobSelectorLabels;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's job strategy generateSelector, which the API server runs on create once the UID is assigned and
/// before validation, unless spec.manualSelector is true: the template gets the job-name and controller-uid labels
/// (legacy and batch.kubernetes.io/ forms) and the selector matches batch.kubernetes.io/controller-uid.
/// </summary>
public static class JobSelectorDefaults
{
    public static void GenerateSelector(V1Job job)
    {
        job.Spec ??= new V1JobSpec();
        if (job.Spec.ManualSelector == true)
        {
            return;
        }
        var name = job.Metadata?.Name ?? "";
        var uid = job.Metadata?.Uid ?? "";
        job.Spec.Template ??= new V1PodTemplateSpec();
        job.Spec.Template.Metadata ??= new V1ObjectMeta();
        var labels = job.Spec.Template.Metadata.Labels ??= new Dictionary<string, string>();
        // Labels the user set are kept; a conflicting value is rejected by validation.
        labels.TryAdd(LegacyJobName, name);
        labels.TryAdd(JobName, name);
        labels.TryAdd(LegacyControllerUid, uid);
        labels.TryAdd(ControllerUid, uid);
        job.Spec.Selector ??= new V1LabelSelector();
        job.Spec.Selector.MatchLabels ??= new Dictionary<string, string>();
        job.Spec.Selector.MatchLabels.TryAdd(ControllerUid, uid);
    }
}
