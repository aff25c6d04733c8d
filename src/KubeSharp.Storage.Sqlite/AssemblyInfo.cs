using System.Runtime.CompilerServices;

// The Sqlite-specific tests check physical effects (rows removed by compaction) that the IStore surface cannot show.
[assembly: InternalsVisibleTo("KubeSharp.Storage.Tests")]
