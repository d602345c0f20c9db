namespace MlNetMlp.Experiments.Reports;

/// <summary>
/// What one kind of report (a comparison, the regularization study, the uncertainty study) gives
/// <see cref="ReportWriter"/>: its charts, its document, its table of results as CSV, and the object written as JSON.
/// The writer owns the files and the formats; the content owns what is said.
/// </summary>
internal interface IReportContent
{
    /// <summary>The object serialized to <c>results.json</c>: the whole report, numbers at full precision.</summary>
    object Json { get; }

    /// <summary>Draws the charts as PNG files into <paramref name="directory"/>.</summary>
    /// <param name="directory">The report directory, which exists.</param>
    /// <returns>The charts drawn, by caption and file name.</returns>
    IReadOnlyList<ReportChart> DrawCharts(string directory);

    /// <summary>The document the Markdown and HTML files render.</summary>
    /// <param name="charts">The charts <see cref="DrawCharts"/> drew, for the sections to show.</param>
    /// <returns>The title and sections.</returns>
    ReportDocument Document(IReadOnlyList<ReportChart> charts);

    /// <summary>The results as CSV: a header row and one row per result, full precision, invariant culture.</summary>
    /// <returns>The CSV text.</returns>
    string Csv();

    /// <summary>Further CSV files beside <c>results.csv</c>, by file name, e.g. the per-epoch curves; empty when there are none.</summary>
    /// <returns>File name to CSV text.</returns>
    IReadOnlyDictionary<string, string> ExtraCsv();
}
