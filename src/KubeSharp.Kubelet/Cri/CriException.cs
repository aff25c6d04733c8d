namespace KubeSharp.Kubelet.Cri;

/// <summary>What kind of CRI failure happened; mirrors the gRPC status codes the kubelet tells apart.</summary>
public enum CriErrorKind
{
    Unknown,
    NotFound,
    AlreadyExists,
    InvalidArgument,
    DeadlineExceeded,
    /// <summary>The runtime cannot be reached (socket missing, containerd restarting).</summary>
    Unavailable,
    Canceled,
}

/// <summary>A failed CRI call, from the real runtime or the fake one.</summary>
public sealed class CriException(CriErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public CriErrorKind Kind { get; } = kind;
    public bool IsNotFound => Kind == CriErrorKind.NotFound;
}
