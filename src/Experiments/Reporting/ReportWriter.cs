using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlNetMlp.Experiments.Reporting;

/// <summary>
/// Writes a report directory: <c>report.md</c>, a self-contained <c>report.html</c>, the report's CSV files
/// (<c>results.csv</c> first), <c>results.json</c> and a PNG per chart. Every study's report goes through the same files
/// and renderers; what it says (its sections, tables, charts and CSV columns) comes from the study. The writer only
/// formats what it is given: it knows nothing about trainers, data sets or ML.NET pipelines.
/// </summary>
internal static class ReportWriter
{
    /// <summary>The CSV file every report has: one row per result.</summary>
    public const string ResultsCsv = "results.csv";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // A diverging model can report an infinite log-loss; JSON has no literal for it, so it is written as a string.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <paramref name="report"/> into <paramref name="directory"/>, creating it if needed and replacing earlier report files.</summary>
    /// <param name="report">What to write.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The paths written.</returns>
    public static ReportFiles Write(Report report, string directory)
    {
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var charts = report.Sections.SelectMany(section => section.Charts).ToList();
        foreach (var chart in charts)
        {
            chart.Draw(folder);
        }

        var files = new ReportFiles(
            folder,
            Path.Combine(folder, "report.md"),
            Path.Combine(folder, "report.html"),
            Path.Combine(folder, ResultsCsv),
            Path.Combine(folder, "results.json"),
            [.. charts.Select(chart => new ReportChart(chart.Caption, chart.FileName))])
        {
            ExtraCsv = [.. report.CsvFiles.Keys.Where(name => name != ResultsCsv).Select(name => Path.Combine(folder, name))],
        };
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, text) in report.CsvFiles)
        {
            File.WriteAllText(Path.Combine(folder, name), text, utf8);
        }

        File.WriteAllText(files.Markdown, MarkdownReport.Render(report), utf8);
        File.WriteAllText(files.Html, HtmlReport.Render(report, folder), utf8);
        File.WriteAllText(files.Json, JsonSerializer.Serialize(report.Json, report.Json.GetType(), JsonOptions), utf8);
        return files;
    }

    /// <summary>The JSON of <paramref name="value"/> as a tree, with the report's naming and number rules, to merge into another.</summary>
    public static System.Text.Json.Nodes.JsonObject ToJson(object value) =>
        JsonSerializer.SerializeToNode(value, value.GetType(), JsonOptions)!.AsObject();
}
