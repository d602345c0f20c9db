namespace MlNetMlp.Experiments.Reports;

/// <summary>
/// A report's human-readable content, whatever the experiment: a title, a short summary that opens it, and headed
/// sections. Built once per report and rendered by both <see cref="MarkdownReport"/> and <see cref="HtmlReport"/>, so
/// the two always say the same.
/// </summary>
/// <param name="Title">The report's title.</param>
/// <param name="Summary">The findings in a few sentences, shown first, before the table of contents.</param>
/// <param name="Sections">The sections, in reading order.</param>
internal sealed record ReportDocument(string Title, IReadOnlyList<string> Summary, IReadOnlyList<ReportSection> Sections);
