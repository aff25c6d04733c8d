using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri.Fake;

/// <summary>A snapshot of one virtual container, for tests and hollow-node scripts to inspect.</summary>
public sealed record FakeContainerInfo(
    string Id,
    string SandboxId,
    string PodNamespace,
    string PodName,
    string PodUid,
    string Name,
    uint Attempt,
    ContainerConfig Config,
    ContainerState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int ExitCode,
    string Reason,
    long? StopTimeoutSeconds);

/// <summary>A snapshot of one virtual pod sandbox.</summary>
public sealed record FakeSandboxInfo(string Id, PodSandboxConfig Config, PodSandboxState State, string Ip, DateTimeOffset CreatedAt, string RuntimeHandler);
