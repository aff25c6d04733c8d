namespace KubeSharp.Client.Informers;

internal enum NotificationKind
{
    Add,
    Update,
    Delete,
}

/// <summary>One change queued for a listener; <see cref="Old"/> is set for updates only.</summary>
internal readonly record struct Notification<T>(NotificationKind Kind, T Object, T? Old, bool FinalStateUnknown);
