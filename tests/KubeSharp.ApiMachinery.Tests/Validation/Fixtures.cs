using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;

namespace KubeSharp.ApiMachinery.Tests.Validation;

/// <summary>Valid, defaulted objects of each kind; rows edit one field to exercise one rule.</summary>
public static class Fixtures
{
    public const string SubdomainMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    public const string LabelMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    public const string Dns1035Msg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    public static V1ObjectMeta Meta(string name = "x", string? ns = "default", IDictionary<string, string>? labels = null) =>
        new() { Name = name, NamespaceProperty = ns, Labels = labels };

    public static Dictionary<string, string> AppLabels() => new() { ["app"] = "web" };

    public static V1PodSpec PodSpec() => new() { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] };

    public static V1PodTemplateSpec Template() => new() { Metadata = new V1ObjectMeta { Labels = AppLabels() }, Spec = PodSpec() };

    public static T Defaulted<T>(T obj, Action<T>? edit) where T : notnull
    {
        Defaulter.Apply(obj);
        edit?.Invoke(obj);
        return obj;
    }

    public static V1Pod Pod(Action<V1Pod>? edit = null) => Defaulted(new V1Pod { Metadata = Meta("web"), Spec = PodSpec() }, edit);

    public static V1ReplicationController Rc(Action<V1ReplicationController>? edit = null) => Defaulted(new V1ReplicationController
    {
        Metadata = Meta("web"),
        Spec = new V1ReplicationControllerSpec { Template = Template() },
    }, edit);

    public static V1ReplicaSet ReplicaSet(Action<V1ReplicaSet>? edit = null) => Defaulted(new V1ReplicaSet
    {
        Metadata = Meta("web"),
        Spec = new V1ReplicaSetSpec { Selector = new V1LabelSelector { MatchLabels = AppLabels() }, Template = Template() },
    }, edit);

    public static V1Deployment Deployment(Action<V1Deployment>? edit = null) => Defaulted(new V1Deployment
    {
        Metadata = Meta("web"),
        Spec = new V1DeploymentSpec { Selector = new V1LabelSelector { MatchLabels = AppLabels() }, Template = Template() },
    }, edit);

    public static V1DaemonSet DaemonSet(Action<V1DaemonSet>? edit = null) => Defaulted(new V1DaemonSet
    {
        Metadata = Meta("web"),
        Spec = new V1DaemonSetSpec { Selector = new V1LabelSelector { MatchLabels = AppLabels() }, Template = Template() },
    }, edit);

    public static V1StatefulSet StatefulSet(Action<V1StatefulSet>? edit = null) => Defaulted(new V1StatefulSet
    {
        Metadata = Meta("web"),
        Spec = new V1StatefulSetSpec
        {
            ServiceName = "web",
            Selector = new V1LabelSelector { MatchLabels = AppLabels() },
            Template = Template(),
        },
    }, edit);

    public static V1Job Job(Action<V1Job>? edit = null)
    {
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "pi", NamespaceProperty = "default", Uid = "1111-2222" },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = PodSpec() } },
        };
        job.Spec.Template.Spec.RestartPolicy = "Never";
        Defaulter.Apply(job);
        JobSelectorDefaults.GenerateSelector(job);
        edit?.Invoke(job);
        return job;
    }

    public static V1CronJob CronJob(Action<V1CronJob>? edit = null)
    {
        var template = new V1PodTemplateSpec { Spec = PodSpec() };
        template.Spec.RestartPolicy = "OnFailure";
        return Defaulted(new V1CronJob
        {
            Metadata = Meta("nightly"),
            Spec = new V1CronJobSpec { Schedule = "0 3 * * *", JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = template } } },
        }, edit);
    }

    public static V1Service Service(Action<V1Service>? edit = null) => Defaulted(new V1Service
    {
        Metadata = Meta("web"),
        Spec = new V1ServiceSpec { Selector = AppLabels(), Ports = [new V1ServicePort { Port = 80 }] },
    }, edit);
}
