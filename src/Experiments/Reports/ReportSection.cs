namespace MlNetMlp.Experiments.Reports;

/// <summary>One headed section of a report: text, tables, then charts.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="Paragraphs">Plain-text paragraphs, in order.</param>
/// <param name="Tables">Tables, after the paragraphs.</param>
/// <param name="Charts">Charts, after the tables.</param>
internal sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportChart> Charts);
