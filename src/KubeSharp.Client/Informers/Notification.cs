namespace KubeSharp.Client.Informers;

/// <summary>One change queued for a listener; <see cref="Old"/> is set for updates only.</summary>
internal readonly record struct Notification<T>(NotificationKind Kind, T Object, T? Old, bool FinalStateUnknown);
