using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlNetMlp.Experiments.Reports;

/// <summary>
/// Writes a report directory: <c>report.md</c>, a self-contained <c>report.html</c>, <c>results.csv</c>,
/// <c>results.json</c> and PNG charts. Every kind of report goes through the same files and renderers; what a
/// report says (its sections, tables, charts and CSV columns) comes from the report itself. The writer only formats
/// what it is given: it knows nothing about trainers or ML.NET pipelines.
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

    /// <summary>
    /// Writes a comparison report into <paramref name="directory"/>, creating it if needed and replacing earlier report
    /// files: the charts are accuracy and training time per trainer, the learning curves, and a confusion matrix per
    /// trainer that recorded one.
    /// </summary>
    /// <param name="report">The results and their context.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException">The report has no results, or mixes tasks.</exception>
    public static ReportFiles Write(ComparisonReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Results.Count == 0)
        {
            throw new ArgumentException("Expected at least one trainer result. Received: 0 results", nameof(report));
        }

        if (report.Results.FirstOrDefault(r => r.Task != report.Task) is { } other)
        {
            throw new ArgumentException(
                $"Expected every result to be {report.Task}. Received: {other.Trainer} with Task={other.Task}", nameof(report));
        }

        return Write(new ComparisonContent(report), directory);
    }

    internal static ReportFiles Write(IReportContent content, string directory)
    {
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var charts = content.DrawCharts(folder);
        var document = content.Document(charts);
        var files = new ReportFiles(
            folder,
            Path.Combine(folder, "report.md"),
            Path.Combine(folder, "report.html"),
            Path.Combine(folder, "results.csv"),
            Path.Combine(folder, "results.json"),
            charts);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(files.Markdown, MarkdownReport.Render(document), utf8);
        File.WriteAllText(files.Html, HtmlReport.Render(document, folder), utf8);
        File.WriteAllText(files.Csv, content.Csv(), utf8);
        File.WriteAllText(files.Json, JsonSerializer.Serialize(content.Json, content.Json.GetType(), JsonOptions), utf8);
        return files;
    }
}
