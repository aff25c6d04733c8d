namespace KubeSharp.Kubelet.Prober;

/// <summary>What the probes say about one running container: started (startup probe passed) and ready.</summary>
internal sealed record ProbeState(bool Started, bool Ready);
