using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's core/v1 SetDefaults_Pod, SetDefaults_PodSpec and the defaults of the types a pod spec contains
/// (Container, ContainerPort, Probe, HTTPGetAction, ObjectFieldSelector, Volume and volume sources). PodSpec defaults
/// also apply inside every pod template; <see cref="ApplyPod"/> adds the Pod-only rules.
/// </summary>
public static class PodDefaults
{
    /// <summary>upstream's DefaultTerminationGracePeriodSeconds.</summary>
    public const long DefaultTerminationGracePeriodSeconds = 30;

    /// <summary>0644, upstream's default file mode for projected files.</summary>
    public const int DefaultFileMode = 420;

    /// <summary>SetDefaults_Pod: the spec defaults plus Pod-only rules (not applied to templates upstream).</summary>
    public static void ApplyPod(V1Pod pod)
    {
        pod.Spec ??= new V1PodSpec();
        ApplySpec(pod.Spec);
        var spec = pod.Spec;
        // upstream only defaults requests from limits on Pods, never on templates.
        foreach (var ctr in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
        {
            DefaultRequestsFromLimits(ctr.Resources);
        }
        spec.EnableServiceLinks ??= true;
        if (spec.HostNetwork == true)
        {
            // With host networking the container port is the host port.
            foreach (var port in (spec.Containers ?? []).Concat(spec.InitContainers ?? []).SelectMany(c => c.Ports ?? []))
            {
                if (port.HostPort is null or 0)
                {
                    port.HostPort = port.ContainerPort;
                }
            }
        }
    }

    public static void ApplyTemplate(V1PodTemplateSpec? template)
    {
        if (template is null)
        {
            return;
        }
        template.Spec ??= new V1PodSpec();
        ApplySpec(template.Spec);
    }

    public static void ApplySpec(V1PodSpec spec)
    {
        if (string.IsNullOrEmpty(spec.DnsPolicy))
        {
            spec.DnsPolicy = "ClusterFirst";
        }
        if (string.IsNullOrEmpty(spec.RestartPolicy))
        {
            spec.RestartPolicy = "Always";
        }
        spec.SecurityContext ??= new V1PodSecurityContext();
        spec.TerminationGracePeriodSeconds ??= DefaultTerminationGracePeriodSeconds;
        if (string.IsNullOrEmpty(spec.SchedulerName))
        {
            spec.SchedulerName = "default-scheduler";
        }
        foreach (var ctr in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
        {
            ApplyContainer(ctr);
        }
        foreach (var volume in spec.Volumes ?? [])
        {
            VolumeDefaults.Apply(volume);
        }
        // upstream's SetDefaults_EphemeralContainer reuses the container defaults.
        foreach (var ephemeral in spec.EphemeralContainers ?? [])
        {
            if (string.IsNullOrEmpty(ephemeral.ImagePullPolicy))
            {
                ephemeral.ImagePullPolicy = ImagePullPolicyDefaults.For(ephemeral.Image);
            }
            if (string.IsNullOrEmpty(ephemeral.TerminationMessagePath))
            {
                ephemeral.TerminationMessagePath = "/dev/termination-log";
            }
            if (string.IsNullOrEmpty(ephemeral.TerminationMessagePolicy))
            {
                ephemeral.TerminationMessagePolicy = "File";
            }
            foreach (var env in ephemeral.Env ?? [])
            {
                ApplyFieldRef(env.ValueFrom?.FieldRef);
            }
        }
    }

    private static void ApplyContainer(V1Container ctr)
    {
        if (string.IsNullOrEmpty(ctr.ImagePullPolicy))
        {
            ctr.ImagePullPolicy = ImagePullPolicyDefaults.For(ctr.Image);
        }
        if (string.IsNullOrEmpty(ctr.TerminationMessagePath))
        {
            ctr.TerminationMessagePath = "/dev/termination-log";
        }
        if (string.IsNullOrEmpty(ctr.TerminationMessagePolicy))
        {
            ctr.TerminationMessagePolicy = "File";
        }
        foreach (var port in ctr.Ports ?? [])
        {
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }
        }
        foreach (var env in ctr.Env ?? [])
        {
            ApplyFieldRef(env.ValueFrom?.FieldRef);
        }
        ApplyProbe(ctr.LivenessProbe);
        ApplyProbe(ctr.ReadinessProbe);
        ApplyProbe(ctr.StartupProbe);
        ApplyHttpGet(ctr.Lifecycle?.PostStart?.HttpGet);
        ApplyHttpGet(ctr.Lifecycle?.PreStop?.HttpGet);
    }

    /// <summary>upstream's SetDefaults_Probe.</summary>
    private static void ApplyProbe(V1Probe? probe)
    {
        if (probe is null)
        {
            return;
        }
        probe.TimeoutSeconds ??= 1;
        probe.PeriodSeconds ??= 10;
        probe.SuccessThreshold ??= 1;
        probe.FailureThreshold ??= 3;
        ApplyHttpGet(probe.HttpGet);
    }

    /// <summary>upstream's SetDefaults_HTTPGetAction: path "/" and scheme HTTP.</summary>
    private static void ApplyHttpGet(V1HTTPGetAction? action)
    {
        if (action is null)
        {
            return;
        }
        if (string.IsNullOrEmpty(action.Path))
        {
            action.Path = "/";
        }
        if (string.IsNullOrEmpty(action.Scheme))
        {
            action.Scheme = "HTTP";
        }
    }

    /// <summary>upstream's SetDefaults_ObjectFieldSelector.</summary>
    internal static void ApplyFieldRef(V1ObjectFieldSelector? fieldRef)
    {
        if (fieldRef is not null && string.IsNullOrEmpty(fieldRef.ApiVersion))
        {
            fieldRef.ApiVersion = "v1";
        }
    }

    private static void DefaultRequestsFromLimits(V1ResourceRequirements? resources)
    {
        if (resources?.Limits is null)
        {
            return;
        }
        resources.Requests ??= new Dictionary<string, ResourceQuantity>();
        foreach (var (name, limit) in resources.Limits)
        {
            if (!resources.Requests.ContainsKey(name))
            {
                resources.Requests[name] = new ResourceQuantity(limit.ToString());
            }
        }
    }
}
