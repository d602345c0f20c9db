namespace MlNetMlp.Experiments;

/// <summary>A chart a report holds: its caption and its PNG file's name in the report directory.</summary>
/// <param name="Caption">What the chart shows.</param>
/// <param name="FileName">The PNG's file name, relative to the report directory.</param>
public sealed record ReportChart(string Caption, string FileName);
