using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Outcome of a server-side apply: the new object, or (when fields conflict and force is off) null and the
/// conflicts. Conflicts are an expected outcome, so they are a value; <see cref="ConflictMessage"/> is upstream's
/// 409 Status message.
/// </summary>
public sealed record ApplyResult(JsonObject? Object, IReadOnlyList<FieldConflict> Conflicts)
{
    public bool Succeeded => Object is not null;

    /// <summary>Upstream's wording: one conflict inline, several grouped by manager (managers sorted).</summary>
    public string ConflictMessage
    {
        get
        {
            if (Conflicts.Count == 0)
            {
                return string.Empty;
            }

            if (Conflicts.Count == 1)
            {
                return $"Apply failed with 1 conflict: conflict with {Conflicts[0].Manager}: {Conflicts[0].Field}";
            }

            var lines = new List<string>();
            foreach (var group in Conflicts.GroupBy(c => c.Manager).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                lines.Add($"conflicts with {group.Key}:");
                lines.AddRange(group.Select(c => $"- {c.Field}"));
            }

            return $"Apply failed with {Conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }
    }
}
