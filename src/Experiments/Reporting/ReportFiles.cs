namespace MlNetMlp.Experiments;

/// <summary>The files a report was written to.</summary>
/// <param name="Directory">The report directory.</param>
/// <param name="Markdown">report.md.</param>
/// <param name="Html">report.html, self-contained.</param>
/// <param name="Csv">results.csv, one row per result (trainer, model or method).</param>
/// <param name="Json">results.json, the whole report.</param>
/// <param name="Charts">The PNG charts, by caption and file name.</param>
public sealed record ReportFiles(string Directory, string Markdown, string Html, string Csv, string Json, IReadOnlyList<ReportChart> Charts)
{
    /// <summary>Further CSV files some reports write beside results.csv, e.g. epochs.csv with every network's per-epoch figures.</summary>
    public IReadOnlyList<string> ExtraCsv { get; init; } = [];
}
