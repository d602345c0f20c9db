using MlNetMlp.Experiments.Comparison;
using ScottPlot;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Draws the report's PNG charts with ScottPlot: accuracy and training time per trainer, learning curves, confusion matrices.</summary>
internal static class ReportCharts
{
    private const int Width = 900;
    private const int RowHeight = 48;

    public static IReadOnlyList<ReportChart> Draw(ComparisonReport report, string directory)
    {
        var charts = new List<ReportChart>();
        var completed = report.Results.Where(r => r.Status == TrainerStatus.Completed).ToList();
        var accuracy = completed.Where(r => r.MicroAccuracy.HasValue).ToList();
        if (accuracy.Count > 0)
        {
            var caption = report.Task == ComparisonTask.Multiclass ? "Test micro-accuracy per trainer" : "Test accuracy per trainer";
            charts.Add(Bars(directory, "accuracy.png", caption, "accuracy", accuracy, r => r.MicroAccuracy!.Value, "0.0000"));
        }

        var timed = completed.Where(r => r.TrainingSeconds.HasValue).ToList();
        if (timed.Count > 0)
        {
            charts.Add(Bars(directory, "training-time.png", "Training time per trainer", "seconds", timed, r => r.TrainingSeconds!.Value, "0.00"));
        }

        var curves = completed.Where(r => r.LearningCurve.Count > 0).ToList();
        if (curves.Count > 0)
        {
            charts.Add(Curves(directory, "learning-loss.png", "Loss per epoch", "loss", curves, e => e.TrainLoss, e => e.ValidationLoss));
            if (curves.Any(r => r.LearningCurve.Any(e => e.TrainAccuracy.HasValue || e.ValidationAccuracy.HasValue)))
            {
                charts.Add(Curves(directory, "learning-accuracy.png", "Accuracy per epoch", "accuracy", curves, e => e.TrainAccuracy, e => e.ValidationAccuracy));
            }
        }

        foreach (var result in completed.Where(r => r.ConfusionMatrix is not null))
        {
            charts.Add(Confusion(directory, $"confusion-{ReportFormat.Slug(result.Trainer)}.png", result));
        }

        return charts;
    }

    private static ReportChart Bars(
        string directory, string fileName, string caption, string valueLabel, IReadOnlyList<TrainerResult> results, Func<TrainerResult, double> value, string format)
    {
        var plot = new Plot();
        var bars = results.Select((result, i) => new Bar
        {
            Position = results.Count - 1 - i,
            Value = value(result),
            Label = value(result).ToString(format, System.Globalization.CultureInfo.InvariantCulture),
            FillColor = Colors.SteelBlue,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.SetTicks(
            [.. bars.Select(b => b.Position)],
            [.. results.Select(r => r.Trainer)]);
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.05, top: 0.05);
        plot.Title(caption);
        plot.XLabel(valueLabel);
        return Save(plot, directory, fileName, caption, Width, 140 + (RowHeight * results.Count));
    }

    private static ReportChart Curves(
        string directory, string fileName, string caption, string valueLabel, IReadOnlyList<TrainerResult> results,
        Func<EpochMetrics, double?> train, Func<EpochMetrics, double?> validation)
    {
        var plot = new Plot();
        foreach (var result in results)
        {
            AddCurve(plot, result.LearningCurve, train, $"{result.Trainer} training", LinePattern.Solid);
            AddCurve(plot, result.LearningCurve, validation, $"{result.Trainer} validation", LinePattern.Dashed);
        }

        plot.Title(caption);
        plot.XLabel("epoch");
        plot.YLabel(valueLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, directory, fileName, caption, Width, 500);
    }

    private static void AddCurve(Plot plot, IReadOnlyList<EpochMetrics> curve, Func<EpochMetrics, double?> metric, string legend, LinePattern pattern)
    {
        var points = curve.Where(e => metric(e).HasValue).ToList();
        if (points.Count == 0)
        {
            return;
        }

        var scatter = plot.Add.Scatter(points.Select(e => (double)e.Epoch).ToArray(), points.Select(e => metric(e)!.Value).ToArray());
        scatter.LegendText = legend;
        scatter.LinePattern = pattern;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 7;
    }

    private static ReportChart Confusion(string directory, string fileName, TrainerResult result)
    {
        var matrix = result.ConfusionMatrix!;
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
                var text = plot.Add.Text(count.ToString("0", System.Globalization.CultureInfo.InvariantCulture), predicted, classes - 1 - actual);
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
        var caption = $"Confusion matrix of {result.Trainer} (test rows)";
        plot.Title(caption);
        return Save(plot, directory, fileName, caption, 760, 680);
    }

    private static ReportChart Save(Plot plot, string directory, string fileName, string caption, int width, int height)
    {
        plot.SavePng(Path.Combine(directory, fileName), width, height);
        return new ReportChart(caption, fileName);
    }
}
