namespace KubeSharp.Storage.Sqlite;

/// <param name="ScannedTo">Every matching event up to this revision is in <paramref name="Events"/> or was
/// delivered before, so the watch may treat it as its position even when no event matched.</param>
internal sealed record HistoryPage(List<StoreEvent> Events, bool Full, long ScannedTo);
