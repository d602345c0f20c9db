using MlNetMlp.Experiments.Reporting.Charts;

namespace MlNetMlp.Experiments.Reporting;

/// <summary>One headed section of a report: text, tables, then charts.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="Paragraphs">Plain-text paragraphs, in order.</param>
/// <param name="Tables">Tables, after the paragraphs.</param>
/// <param name="Charts">Charts, after the tables; the writer draws each as a PNG beside the report.</param>
internal sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<Chart> Charts);
