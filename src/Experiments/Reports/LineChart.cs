using ScottPlot;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Lines over epochs: learning curves, one colour per line in the order given.</summary>
internal static class LineChart
{
    private const int Width = 900;
    private const int Height = 500;

    public static ReportChart Draw(string directory, string fileName, string caption, string yLabel, IReadOnlyList<ChartLine> lines)
    {
        var plot = new Plot();
        foreach (var line in lines.Where(l => l.X.Count > 0))
        {
            var scatter = plot.Add.Scatter(line.X.ToArray(), line.Y.ToArray());
            scatter.LegendText = line.Legend;
            scatter.LinePattern = line.Pattern;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
        }

        plot.Title(caption);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        return ChartFile.Save(plot, directory, fileName, caption, Width, Height);
    }
}
