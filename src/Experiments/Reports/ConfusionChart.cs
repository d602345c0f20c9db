using System.Globalization;
using ScottPlot;

namespace MlNetMlp.Experiments.Reports;

/// <summary>A confusion matrix as a heatmap with each cell's count written in it; actual classes down, predicted across.</summary>
internal static class ConfusionChart
{
    public static ReportChart Draw(string directory, string fileName, string caption, ConfusionMatrixResult matrix)
    {
        var classes = matrix.ClassNames.Count;
        var counts = new double[classes, classes];
        for (var actual = 0; actual < classes; actual++)
        {
            for (var predicted = 0; predicted < classes; predicted++)
            {
                counts[actual, predicted] = matrix.Counts[actual][predicted];
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(counts);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        var brightest = counts.Cast<double>().DefaultIfEmpty(0).Max();
        for (var actual = 0; actual < classes; actual++)
        {
            for (var predicted = 0; predicted < classes; predicted++)
            {
                var count = counts[actual, predicted];
                var text = plot.Add.Text(count.ToString("0", CultureInfo.InvariantCulture), predicted, classes - 1 - actual);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = classes > 12 ? 9 : 13;
                text.LabelFontColor = count > brightest * 0.6 ? Colors.Black : Colors.White;
            }
        }

        var positions = Enumerable.Range(0, classes).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. matrix.ClassNames]);
        plot.Axes.Left.SetTicks([.. positions.Reverse()], [.. matrix.ClassNames]);
        plot.XLabel("predicted");
        plot.YLabel("actual");
        plot.Title(caption);
        return ChartFile.Save(plot, directory, fileName, caption, 760, 680);
    }
}
