using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Disruption;

/// <summary>A workload controller and the number of pods it wants (its scale).</summary>
internal readonly record struct ControllerScale(string Uid, int Replicas);

/// <summary>
/// Finds the scale of the controller a pod's controllerRef names (upstream's podControllerFinder list). Null when
/// the reference names no controller this finder knows, or one that no longer exists with that UID.
/// </summary>
internal interface IControllerScales
{
    ControllerScale? Find(string ns, V1OwnerReference controllerRef);
}
