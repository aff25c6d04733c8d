using k8s;
using k8s.Models;

namespace KubeSharp.Client.Events;

/// <summary>Records events about objects for users to see in <c>kubectl describe</c> (client-go's record.EventRecorder).</summary>
public interface IEventRecorder
{
    /// <summary>
    /// Queues an event; never blocks and never fails the caller. <paramref name="reason"/> is a short UpperCamelCase
    /// machine-readable word (e.g. "Scheduled"); <paramref name="type"/> is <see cref="EventTypes"/>.
    /// </summary>
    void Event(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message);

    /// <summary>The same for an object known only by reference (e.g. a kubelet reporting on its Node by name).</summary>
    void Event(V1ObjectReference reference, string type, string reason, string message);
}
