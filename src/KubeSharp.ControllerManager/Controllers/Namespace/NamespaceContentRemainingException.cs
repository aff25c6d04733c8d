namespace KubeSharp.ControllerManager.Controllers.Namespace;

/// <summary>Content is still being deleted (upstream's ResourcesRemainingError): the sync is retried with back-off.</summary>
internal sealed class NamespaceContentRemainingException(string ns, IReadOnlyList<string> remaining)
    : Exception($"namespace {ns} still has content: {string.Join(", ", remaining)}");
