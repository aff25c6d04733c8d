namespace KubeSharp.Client.Informers;

internal enum NotificationKind
{
    Add,
    Update,
    Delete,
}
