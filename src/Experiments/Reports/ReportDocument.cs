namespace MlNetMlp.Experiments.Reports;

/// <summary>
/// A report's human-readable content, whatever the experiment: a title and headed sections. Built once per report
/// and rendered by both <see cref="MarkdownReport"/> and <see cref="HtmlReport"/>, so the two always say the same.
/// </summary>
/// <param name="Title">The report's title.</param>
/// <param name="Sections">The sections, in reading order.</param>
internal sealed record ReportDocument(string Title, IReadOnlyList<ReportSection> Sections);
