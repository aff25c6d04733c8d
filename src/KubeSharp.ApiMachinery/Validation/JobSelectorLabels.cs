namespace KubeSharp.ApiMachinery.Validation;

/// <summary>The labels upstream's job strategy generates for a Job's pods and selector (batch/v1 constants).</summary>
public static class JobSelectorLabels
{
    public const string JobName = "batch.kubernetes.io/job-name";
    public const string LegacyJobName = "job-name";
    public const string ControllerUid = "batch.kubernetes.io/controller-uid";
    public const string LegacyControllerUid = "controller-uid";
}
