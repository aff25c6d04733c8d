using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's batch/v1 SetDefaults_CronJob. The job template's JobSpec is not defaulted (SetDefaults_Job applies to
/// Jobs only), but its pod template gets the PodSpec defaults.
/// </summary>
public static class CronJobDefaults
{
    public static void Apply(V1CronJob cronJob)
    {
        cronJob.Spec ??= new V1CronJobSpec();
        var spec = cronJob.Spec;
        if (string.IsNullOrEmpty(spec.ConcurrencyPolicy))
        {
            spec.ConcurrencyPolicy = "Allow";
        }
        spec.Suspend ??= false;
        spec.SuccessfulJobsHistoryLimit ??= 3;
        spec.FailedJobsHistoryLimit ??= 1;
        PodDefaults.ApplyTemplate(spec.JobTemplate?.Spec?.Template);
    }
}
