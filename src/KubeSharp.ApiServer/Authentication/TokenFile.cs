namespace KubeSharp.ApiServer.Authentication;

/// <summary>
/// Upstream's --token-auth-file: CSV lines <c>token,user,uid[,"group1,group2"]</c>; blank lines and lines starting
/// with '#' are ignored.
/// </summary>
public static class TokenFile
{
    public static Dictionary<string, UserInfo> Load(string path)
    {
        var result = new Dictionary<string, UserInfo>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = SplitCsv(line);
            if (fields.Count < 3) throw new FormatException($"token file {path}, line {lineNo}: expected token,user,uid[,groups]");
            var groups = fields.Count > 3
                ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            result[fields[0]] = new UserInfo(fields[1], fields[2], [.. groups, "system:authenticated"]);
        }
        return result;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
