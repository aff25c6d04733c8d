namespace KubeSharp.Client.Rest;

/// <summary>
/// A kubeconfig that cannot be used: missing, malformed, or naming a context, cluster or credential that is not
/// there. The message names the file; commands print it as a user error, without a stack trace.
/// </summary>
public sealed class KubeconfigException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
