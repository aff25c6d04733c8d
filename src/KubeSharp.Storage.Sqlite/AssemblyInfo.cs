namespace KubeSharp.Storage.Sqlite;
