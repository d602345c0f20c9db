namespace MlNetMlp.Experiments.Reports;

/// <summary>A table of already formatted cells; the first column names the row.</summary>
/// <param name="Headers">The column headings.</param>
/// <param name="Rows">The rows, each with one cell per heading.</param>
internal sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
