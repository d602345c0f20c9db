namespace MlNetMlp.Experiments.Reporting.Charts;

/// <summary>One bar of a <see cref="BarChart"/>.</summary>
/// <param name="Label">What the bar is, shown on the axis.</param>
/// <param name="Value">Its length.</param>
/// <param name="Highlight">How the bar stands out from the others, if at all.</param>
internal sealed record ChartBar(string Label, double Value, BarHighlight Highlight = BarHighlight.None);
