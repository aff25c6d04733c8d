using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's batch/v1 SetDefaults_Job: parallelism/completions 1 when both unset, backoffLimit 6 (MaxInt32 with
/// backoffLimitPerIndex), NonIndexed, not suspended, podReplacementPolicy TerminatingOrFailed (Failed with a pod
/// failure policy), job labels from the template when unset. manualSelector is left unset. When the object already
/// has its UID, the generated selector is filled too (<see cref="JobSelectorDefaults"/>).
/// </summary>
public static class JobDefaults
{
    public static void Apply(V1Job job)
    {
        job.Spec ??= new V1JobSpec();
        var spec = job.Spec;
        if (spec.Completions is null && spec.Parallelism is null)
        {
            spec.Completions = 1;
            spec.Parallelism = 1;
        }
        spec.Parallelism ??= 1;
        spec.BackoffLimit ??= spec.BackoffLimitPerIndex is null ? 6 : int.MaxValue;
        var labels = spec.Template?.Metadata?.Labels;
        if (labels is not null)
        {
            job.Metadata ??= new V1ObjectMeta();
            if ((job.Metadata.Labels?.Count ?? 0) == 0)
            {
                job.Metadata.Labels = new Dictionary<string, string>(labels);
            }
        }
        if (string.IsNullOrEmpty(spec.CompletionMode))
        {
            spec.CompletionMode = "NonIndexed";
        }
        spec.Suspend ??= false;
        foreach (var rule in spec.PodFailurePolicy?.Rules ?? [])
        {
            foreach (var pattern in rule.OnPodConditions ?? [])
            {
                if (string.IsNullOrEmpty(pattern.Status))
                {
                    pattern.Status = "True";
                }
            }
        }
        if (string.IsNullOrEmpty(spec.PodReplacementPolicy))
        {
            spec.PodReplacementPolicy = spec.PodFailurePolicy is null ? "TerminatingOrFailed" : "Failed";
        }
        PodDefaults.ApplyTemplate(spec.Template);
        // Once the API server has assigned the UID, generate the selector as upstream's job strategy does before
        // validation (idempotent: existing labels are kept).
        if (!string.IsNullOrEmpty(job.Metadata?.Uid))
        {
            JobSelectorDefaults.GenerateSelector(job);
        }
    }
}
