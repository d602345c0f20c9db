using ScottPlot;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Lines: learning curves over epochs, or a reliability diagram over confidence.</summary>
internal static class LineChart
{
    private const int Width = 1100;
    private const int Height = 500;

    /// <summary>Draws learning curves: epochs along x, with whole-number ticks.</summary>
    public static ReportChart Draw(string directory, string fileName, string caption, string yLabel, IReadOnlyList<ChartLine> lines)
    {
        var plot = Lines(caption, "epoch", yLabel, lines);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return ChartFile.Save(plot, directory, fileName, caption, Width, Height);
    }

    /// <summary>Draws lines over a fixed square range, e.g. [0, 1] × [0, 1] for a reliability diagram.</summary>
    public static ReportChart DrawSquare(string directory, string fileName, string caption, string xLabel, string yLabel, IReadOnlyList<ChartLine> lines, AxisLimits limits)
    {
        var plot = Lines(caption, xLabel, yLabel, lines);
        plot.Axes.SetLimits(limits);
        return ChartFile.Save(plot, directory, fileName, caption, 900, 640);
    }

    private static Plot Lines(string caption, string xLabel, string yLabel, IReadOnlyList<ChartLine> lines)
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
