using System.Globalization;
using ScottPlot;

namespace MlNetMlp.Experiments.Reporting.Charts;

/// <summary>
/// A confusion matrix as a heatmap, actual classes down and predicted across, each cell with its count. The errors are
/// coloured by their share of the actual class (row-normalized), from white to dark red, on a scale that ends at the
/// largest error rate, so that the worst confusions stand out; the diagonal (correct predictions) is grey and shows its
/// count and its share, the class's recall.
/// </summary>
/// <param name="FileName">The PNG's name.</param>
/// <param name="Caption">The chart's title.</param>
/// <param name="ClassNames">The classes, in the order of the rows and columns.</param>
/// <param name="Counts">How many rows of each actual class (row) were predicted as each class (column).</param>
internal sealed record ConfusionChart(string FileName, string Caption, IReadOnlyList<string> ClassNames, IReadOnlyList<IReadOnlyList<long>> Counts)
    : Chart(FileName, Caption)
{
    private static readonly Color Correct = Color.FromHex("#d9d9d9");

    /// <inheritdoc />
    public override void Draw(string directory)
    {
        var classes = ClassNames.Count;
        var errorRates = new double[classes, classes];
        var largestError = 0.0;
        for (var actual = 0; actual < classes; actual++)
        {
            var rowTotal = Math.Max(1.0, Counts[actual].Sum());
            for (var predicted = 0; predicted < classes; predicted++)
            {
                var rate = Counts[actual][predicted] / rowTotal;
                errorRates[actual, predicted] = actual == predicted ? double.NaN : rate;
                largestError = actual == predicted ? largestError : Math.Max(largestError, rate);
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(errorRates);
        heatmap.Colormap = new ScottPlot.Colormaps.Amp();
        heatmap.NaNCellColor = Correct;
        heatmap.ManualRange = new ScottPlot.Range(0, Math.Max(largestError, 0.01));
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "errors: share of the actual class";
        for (var actual = 0; actual < classes; actual++)
        {
            var rowTotal = Math.Max(1.0, Counts[actual].Sum());
            for (var predicted = 0; predicted < classes; predicted++)
            {
                var count = Counts[actual][predicted];
                var label = actual == predicted
                    ? $"{count.ToString(CultureInfo.InvariantCulture)}\n{(count / rowTotal).ToString("0.0%", CultureInfo.InvariantCulture)}"
                    : count.ToString(CultureInfo.InvariantCulture);
                var text = plot.Add.Text(label, predicted, classes - 1 - actual);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = classes > 12 ? 9 : 12;
                text.LabelFontColor = actual != predicted && errorRates[actual, predicted] > heatmap.ManualRange.Value.Max * 0.55 ? Colors.White : Colors.Black;
            }
        }

        var positions = Enumerable.Range(0, classes).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. ClassNames]);
        plot.Axes.Left.SetTicks([.. positions.Reverse()], [.. ClassNames]);
        // The frame ends at the outer cells' edges: no empty band between the matrix and the axes.
        plot.Axes.SetLimits(-0.5, classes - 0.5, -0.5, classes - 0.5);
        plot.XLabel("predicted");
        plot.YLabel("actual");
        plot.Title(Caption);
        plot.SavePng(Path.Combine(directory, FileName), 780, 680);
    }
}
