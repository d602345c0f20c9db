using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlNetMlp.Experiments.Reports;

/// <summary>
/// Writes a comparison report directory: <c>report.md</c>, a self-contained <c>report.html</c>,
/// <c>results.csv</c>, <c>results.json</c> and PNG charts (accuracy and training time per trainer, the
/// learning curves, a confusion matrix per trainer that recorded one). It only formats what it is given:
/// it knows nothing about trainers or ML.NET pipelines.
/// </summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // A diverging model can report an infinite log-loss; JSON has no literal for it, so it is written as a string.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the report into <paramref name="directory"/>, creating it if needed and replacing earlier report files.</summary>
    /// <param name="report">The results and their context.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException">The report has no results, or mixes tasks.</exception>
    public static ReportFiles Write(ComparisonReport report, string directory)
    {
        if (report.Results.Count == 0)
        {
            throw new ArgumentException("Expected at least one trainer result. Received: 0 results", nameof(report));
        }

        if (report.Results.FirstOrDefault(r => r.Task != report.Task) is { } other)
        {
            throw new ArgumentException(
                $"Expected every result to be {report.Task}. Received: {other.Trainer} with Task={other.Task}", nameof(report));
        }

        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var charts = ReportCharts.Draw(report, folder);
        var sections = ReportDocument.Build(report, charts);
        var files = new ReportFiles(
            folder,
            Path.Combine(folder, "report.md"),
            Path.Combine(folder, "report.html"),
            Path.Combine(folder, "results.csv"),
            Path.Combine(folder, "results.json"),
            charts);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(files.Markdown, MarkdownReport.Render(report, sections), utf8);
        File.WriteAllText(files.Html, HtmlReport.Render(report, sections, folder), utf8);
        File.WriteAllText(files.Csv, ResultsCsv.Render(report), utf8);
        File.WriteAllText(files.Json, JsonSerializer.Serialize(report, JsonOptions), utf8);
        return files;
    }
}
