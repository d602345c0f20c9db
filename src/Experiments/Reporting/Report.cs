namespace MlNetMlp.Experiments.Reporting;

/// <summary>
/// A report as the engine renders it, whatever study it comes from: a title, a short summary that opens it, headed
/// sections of text, tables and charts, the data files written beside it (CSV), and the object written as JSON.
/// <see cref="ReportWriter"/> turns it into files without knowing what any of it means; the Markdown and the HTML are
/// rendered from the same sections, so the two always say the same.
/// </summary>
/// <param name="Title">The report's title.</param>
/// <param name="Summary">The findings in a few sentences, shown first, before the table of contents.</param>
/// <param name="Sections">The sections, in reading order.</param>
/// <param name="CsvFiles">File name to CSV text, <see cref="ReportWriter.ResultsCsv"/> first: the results at full precision.</param>
/// <param name="Json">The object serialized to <c>results.json</c>: the whole result, numbers at full precision.</param>
internal sealed record Report(string Title, IReadOnlyList<string> Summary, IReadOnlyList<ReportSection> Sections, IReadOnlyDictionary<string, string> CsvFiles, object Json);
