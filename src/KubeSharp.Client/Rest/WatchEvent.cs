using k8s.Models;

namespace KubeSharp.Client.Rest;

/// <summary>
/// One decoded watch event. <see cref="Object"/> is set for Added/Modified/Deleted/Bookmark (a bookmark carries
/// only metadata.resourceVersion); <see cref="Error"/> is set for Error (e.g. 410 Expired).
/// </summary>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, V1Status? Error);
