using ScottPlot;

namespace MlNetMlp.Experiments.Reports;

/// <summary>One line of a <see cref="LineChart"/>: points joined in order, with markers.</summary>
/// <param name="Legend">The line's legend entry.</param>
/// <param name="X">The points' x values.</param>
/// <param name="Y">The points' y values, one per x.</param>
/// <param name="Pattern">Solid, dashed or dotted.</param>
internal sealed record ChartLine(string Legend, IReadOnlyList<double> X, IReadOnlyList<double> Y, LinePattern Pattern);
