namespace KubeSharp.Storage.Sqlite;

internal enum WriteKind
{
    Create,
    Update,
    Delete,
}
