using ScottPlot;

namespace MlNetMlp.Experiments.Reporting.Charts;

/// <summary>
/// Lines: learning curves over epochs (wide, whole-number epoch ticks), or, given <see cref="Limits"/>, lines over a
/// fixed square range such as a reliability diagram's [0, 1] × [0, 1].
/// </summary>
/// <param name="FileName">The PNG's name.</param>
/// <param name="Caption">The chart's title.</param>
/// <param name="XLabel">What x is; "epoch" for learning curves.</param>
/// <param name="YLabel">What y is.</param>
/// <param name="Lines">The lines, in legend order.</param>
/// <param name="Limits">The square range to show; null for curves over epochs.</param>
internal sealed record LineChart(string FileName, string Caption, string XLabel, string YLabel, IReadOnlyList<ChartLine> Lines, AxisLimits? Limits = null)
    : Chart(FileName, Caption)
{
    private const int Width = 1100;
    private const int Height = 500;

    /// <summary>Learning curves: epochs along x.</summary>
    public static LineChart OverEpochs(string fileName, string caption, string yLabel, IReadOnlyList<ChartLine> lines) => new(fileName, caption, "epoch", yLabel, lines);

    /// <inheritdoc />
    public override void Draw(string directory)
    {
        var plot = Plot(Caption, XLabel, YLabel, Lines);
        var path = Path.Combine(directory, FileName);
        if (Limits is { } limits)
        {
            plot.Axes.SetLimits(limits);
            plot.SavePng(path, 900, 640);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.SavePng(path, Width, Height);
        }
    }

    private static Plot Plot(string caption, string xLabel, string yLabel, IReadOnlyList<ChartLine> lines)
    {
        var plot = new Plot();
        foreach (var line in lines.Where(l => l.X.Count > 0))
        {
            var scatter = plot.Add.Scatter(line.X.ToArray(), line.Y.ToArray());
            scatter.LegendText = line.Legend;
            scatter.LinePattern = line.Pattern;
            scatter.LineWidth = 2;
            scatter.MarkerSize = line.MarkerSize;
            if (line.Color is { } color)
            {
                scatter.Color = color;
            }
        }

        plot.Title(caption);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        // Beside the data area, never over a line's last points.
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
