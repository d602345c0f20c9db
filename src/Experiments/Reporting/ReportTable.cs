namespace MlNetMlp.Experiments.Reporting;

/// <summary>A table of already formatted cells; the first column names the row.</summary>
/// <param name="Headers">The column headings.</param>
/// <param name="Rows">The rows, each with one cell per heading.</param>
/// <param name="FoldedAs">
/// When set, the HTML report folds the table away behind this line (a details element), for detail most readers skip,
/// e.g. the counts behind a confusion-matrix chart; Markdown shows it as usual.
/// </param>
internal sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string? FoldedAs = null);
