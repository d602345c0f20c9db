using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MlNetMlp.Experiments.Regularization;
using MlNetMlp.Experiments.Reports;
using MlNetMlp.Experiments.Uncertainty;

namespace MlNetMlp.Experiments;

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

    /// <summary>
    /// Writes the regularization study's report into <paramref name="directory"/>, creating it if needed and replacing
    /// earlier report files: every network's validation loss beside the book's, with and without the penalty, the
    /// validation accuracy, one chart per network of training against validation loss, and <c>epochs.csv</c> with every
    /// network's per-epoch figures.
    /// </summary>
    /// <param name="report">The study's results and context.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException">The report has no results, or a network has no validation curve.</exception>
    public static ReportFiles Write(RegularizationReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Results.Count == 0)
        {
            throw new ArgumentException("Expected at least one network's result. Received: 0 results", nameof(report));
        }

        if (report.Results.FirstOrDefault(r => r.History.Count == 0 || r.History.Any(e => e.ValidationLoss is null)) is { } missing)
        {
            throw new ArgumentException($"Expected a validation loss after every epoch of every network. Received: {missing.Name} with {missing.History.Count(e => e.ValidationLoss is null)} of {missing.History.Count} epochs without one", nameof(report));
        }

        return Write(new RegularizationContent(report), directory);
    }

    /// <summary>
    /// Writes the uncertainty report into <paramref name="directory"/>, creating it if needed and replacing earlier
    /// report files: the metrics of the plain MLP, Monte Carlo dropout and the deep ensemble, and their reliability diagram.
    /// </summary>
    /// <param name="report">The figures and their context.</param>
    /// <param name="directory">The output directory.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException">The report has no methods.</exception>
    public static ReportFiles Write(UncertaintyReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Figures.Methods.Count == 0)
        {
            throw new ArgumentException("Expected at least one method's figures. Received: 0 methods", nameof(report));
        }

        return Write(new UncertaintyContent(report), directory);
    }

    internal static ReportFiles Write(IReportContent content, string directory)
    {
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var charts = content.DrawCharts(folder);
        var document = content.Document(charts);
        var extraCsv = content.ExtraCsv();
        var files = new ReportFiles(
            folder,
            Path.Combine(folder, "report.md"),
            Path.Combine(folder, "report.html"),
            Path.Combine(folder, "results.csv"),
            Path.Combine(folder, "results.json"),
            charts)
        {
            ExtraCsv = [.. extraCsv.Keys.Select(name => Path.Combine(folder, name))],
        };
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, text) in extraCsv)
        {
            File.WriteAllText(Path.Combine(folder, name), text, utf8);
        }

        File.WriteAllText(files.Markdown, MarkdownReport.Render(document), utf8);
        File.WriteAllText(files.Html, HtmlReport.Render(document, folder), utf8);
        File.WriteAllText(files.Csv, content.Csv(), utf8);
        File.WriteAllText(files.Json, JsonSerializer.Serialize(content.Json, content.Json.GetType(), JsonOptions), utf8);
        return files;
    }
}
