using k8s;
using k8s.Models;

namespace KubeSharp.ApiServer.Registry;

/// <summary>An object read from or written to the store, typed, with its resourceVersion set.</summary>
public sealed record StoredObject(IKubernetesObject<V1ObjectMeta> Object, long ResourceVersion);

/// <summary>The result of a delete: the object (last state or marked for deletion) and whether it is gone.</summary>
public sealed record DeleteOutcome(IKubernetesObject<V1ObjectMeta> Object, bool Deleted);

/// <summary>The result of a create: the object, and its served JSON (resourceVersion set) to answer with.</summary>
public sealed record CreateOutcome(IKubernetesObject<V1ObjectMeta> Object, byte[] Json);
