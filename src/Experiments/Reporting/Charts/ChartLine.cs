using ScottPlot;

namespace MlNetMlp.Experiments.Reporting.Charts;

/// <summary>One line of a <see cref="LineChart"/>: points joined in order.</summary>
/// <param name="Legend">The line's legend entry.</param>
/// <param name="X">The points' x values.</param>
/// <param name="Y">The points' y values, one per x.</param>
/// <param name="Pattern">Solid, dashed or dotted.</param>
/// <param name="Color">The line's colour; null takes the next colour of the palette.</param>
/// <param name="MarkerSize">The size of each point's marker; 0 for a bare line.</param>
internal sealed record ChartLine(string Legend, IReadOnlyList<double> X, IReadOnlyList<double> Y, LinePattern Pattern, Color? Color = null, float MarkerSize = 7);
