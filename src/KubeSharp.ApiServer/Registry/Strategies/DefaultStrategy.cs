using System.Reflection;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>
/// The strategy every kind starts from: defaulting and validation from ApiMachinery, status reset on create and
/// preserved on main-resource updates for kinds with a status subresource, generation tracking for workloads.
/// Spec/Status are reached through cached reflection because the generated models share no interface for them.
/// </summary>
public class DefaultStrategy : IResourceStrategy
{
    private readonly PropertyInfo? _spec;
    private readonly PropertyInfo? _status;

    public DefaultStrategy(ResourceInfo resource)
    {
        Resource = resource;
        _spec = resource.ModelType.GetProperty("Spec");
        _status = resource.HasSubresource("status") ? resource.ModelType.GetProperty("Status") : null;
        TracksGeneration = (resource.Group, resource.Resource) is ("", "replicationcontrollers") or ("apps", _) or ("batch", _)
            or ("scheduling.k8s.io", _) or ("policy", "poddisruptionbudgets") && _spec != null;
    }

    public ResourceInfo Resource { get; }

    public virtual bool TracksGeneration { get; }

    public virtual bool ReturnDeletedObject => false;

    public virtual void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj)
    {
        ResetStatus(obj);
        Defaulter.Apply(obj);
    }

    /// <summary>Upstream strategies drop any status a client sends on create; controllers own it.</summary>
    protected virtual void ResetStatus(IKubernetesObject<V1ObjectMeta> obj)
    {
        if (_status != null) _status.SetValue(obj, Activator.CreateInstance(_status.PropertyType));
    }

    public virtual void PrepareForUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        if (_status != null) _status.SetValue(obj, _status.GetValue(old));
        Defaulter.Apply(obj);
    }

    public virtual IKubernetesObject<V1ObjectMeta> PrepareForStatusUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        var result = Clone(old);
        _status?.SetValue(result, _status.GetValue(obj));
        return result;
    }

    public virtual List<FieldError> ValidateCreate(IKubernetesObject<V1ObjectMeta> obj) => Validator.ValidateCreate(obj);

    public virtual List<FieldError> ValidateUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old) =>
        Validator.ValidateUpdate(obj, old);

    public virtual long GracePeriodSeconds(IKubernetesObject<V1ObjectMeta> obj, long? requested) => 0;

    public virtual bool MarkForDeletion(IKubernetesObject<V1ObjectMeta> obj) => false;

    public virtual bool ReadyToDelete(IKubernetesObject<V1ObjectMeta> obj) => true;

    /// <summary>True when the spec (everything except metadata and status for kinds without a Spec property) differs.</summary>
    public virtual bool SpecChanged(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        if (_spec == null) return false;
        var a = _spec.GetValue(obj);
        var b = _spec.GetValue(old);
        if (a == null || b == null) return !ReferenceEquals(a, b);
        return !KubeJson.Serialize(a, _spec.PropertyType).AsSpan().SequenceEqual(KubeJson.Serialize(b, _spec.PropertyType));
    }

    protected IKubernetesObject<V1ObjectMeta> Clone(IKubernetesObject<V1ObjectMeta> obj) =>
        (IKubernetesObject<V1ObjectMeta>)KubeJson.Deserialize(KubeJson.Serialize(obj, Resource.ModelType), Resource.ModelType);
}
