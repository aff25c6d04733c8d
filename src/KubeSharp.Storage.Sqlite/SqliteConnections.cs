using Microsoft.Data.Sqlite;

namespace KubeSharp.Storage.Sqlite;

/// <summary>Opens connections with the settings every connection of the store needs.</summary>
internal static class SqliteConnections
{
    public static SqliteConnection Open(string path, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            // Readers open read-write and set query_only instead: a read-only connection to a WAL database
            // needs the -shm file to exist already and cannot recover a WAL left by a crash.
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Our own pools keep prepared statements; Microsoft.Data.Sqlite's pool would also keep the file
            // open after DisposeAsync, which breaks "dispose, then delete or reopen the file".
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // WAL lets readers work on a snapshot while the writer appends; synchronous=FULL fsyncs the WAL on every
        // commit, which is what makes an acknowledged write survive kill -9 and power loss.
        Execute(connection, readOnly
            ? "PRAGMA busy_timeout = 30000; PRAGMA query_only = ON;"
            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
