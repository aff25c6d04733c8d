namespace KubeSharp.Storage.Sqlite;

/// <summary>Turns a key prefix into a half-open range, so that SQLite can seek the name index instead of using
/// LIKE (whose wildcards and case folding would need escaping). Keys compare as UTF-8 bytes in SQLite and as
/// UTF-16 code units here; the two agree for the ASCII keys of architecture.md §4.</summary>
internal static class KeyRange
{
    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/>, or null when
    /// there is none (empty prefix): "/registry/pods/" → "/registry/pods0", so "/registry/podsx/" stays out.</summary>
    public static string? PrefixEnd(string prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] < char.MaxValue)
            {
                return string.Concat(prefix.AsSpan(0, i), new string((char)(prefix[i] + 1), 1));
            }
        }

        return null;
    }
}
