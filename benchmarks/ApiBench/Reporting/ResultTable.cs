using System.Text;

namespace KubeSharp.Benchmarks.ApiBench.Reporting;

/// <summary>Prints figures as an aligned console table and appends them to a markdown file.</summary>
internal static class ResultTable
{
    private static readonly string[] Headers = ["scenario", "figure", "measured", "target", "result", "load (start→end)", "notes"];

    public static void Print(IReadOnlyList<Figure> figures, TextWriter output)
    {
        var rows = figures.Select(Cells).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length - 1)
            .Select(c => rows.Max(r => r[c].Length))
            .ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < widths.Length; c++)
            {
                line.Append(row[c].PadRight(widths[c] + 2));
            }
            line.Append(row[^1]);
            output.WriteLine(line.ToString().TrimEnd());
        }
    }

    public static void AppendMarkdown(string path, IReadOnlyList<Figure> figures, string commandLine, string benchmark = "ApiBench")
    {
        var md = new StringBuilder();
        md.AppendLine();
        // The heading names the tool (ApiBench, ControllerBench and SchedulerBench share this table): the given
        // name, else the command line's first word.
        md.AppendLine($"### {(benchmark != "ApiBench" ? benchmark : commandLine.Split(' ')[0])} run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine($"`{commandLine}` on {Environment.ProcessorCount} cores");
        md.AppendLine();
        md.AppendLine("| " + string.Join(" | ", Headers) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Headers.Length)));
        foreach (var figure in figures)
        {
            md.AppendLine("| " + string.Join(" | ", Cells(figure).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
        File.AppendAllText(path, md.ToString());
    }

    private static string[] Cells(Figure f) => [f.Scenario, f.Name, f.Measured, f.TargetText, f.Verdict, f.Load, f.Notes];
}
