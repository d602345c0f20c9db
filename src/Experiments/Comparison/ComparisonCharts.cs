using MlNetMlp.Experiments.Reporting;
using MlNetMlp.Experiments.Reporting.Charts;
using ScottPlot;

namespace MlNetMlp.Experiments.Comparison;

/// <summary>The comparison's charts: accuracy and training time per trainer, the learning curves, a confusion matrix per trainer that recorded one.</summary>
internal static class ComparisonCharts
{
    public const string AccuracyFile = "accuracy.png";
    public const string TrainingTimeFile = "training-time.png";

    public static IReadOnlyList<Chart> Of(ComparisonResult report)
    {
        var charts = new List<Chart>();
        var completed = report.Results.Where(r => r.Status == TrainerStatus.Completed).ToList();
        var accuracy = completed.Where(r => r.MicroAccuracy.HasValue).ToList();
        if (accuracy.Count > 0)
        {
            var caption = report.Task == ComparisonTask.Multiclass ? "Test micro-accuracy per trainer" : "Test accuracy per trainer";
            var best = accuracy.Max(r => r.MicroAccuracy!.Value);
            charts.Add(new BarChart(AccuracyFile, caption, "accuracy",
                [.. accuracy.Select(r => new ChartBar(r.Trainer, r.MicroAccuracy!.Value, Highlight(IsMlp(r), r.MicroAccuracy == best)))], "0.0000", Subject: "MLP", Zoom: true));
        }

        var timed = completed.Where(r => r.TrainingSeconds.HasValue).ToList();
        if (timed.Count > 0)
        {
            charts.Add(new BarChart(TrainingTimeFile, "Training time per trainer", "seconds",
                [.. timed.Select(r => new ChartBar(r.Trainer, r.TrainingSeconds!.Value, IsMlp(r) ? BarHighlight.Subject : BarHighlight.None))], "0.00", Subject: "MLP"));
        }

        var curves = completed.Where(r => r.LearningCurve.Count > 0).ToList();
        if (curves.Count > 0)
        {
            var loss = report.Task == ComparisonTask.Binary ? "binary cross-entropy" : "categorical cross-entropy";
            charts.Add(LineChart.OverEpochs("learning-loss.png", $"Loss per epoch ({loss})", $"loss: {loss} (nats)", Curves(curves, e => e.TrainLoss, e => e.ValidationLoss)));
            if (curves.Any(r => r.LearningCurve.Any(e => e.TrainAccuracy.HasValue || e.ValidationAccuracy.HasValue)))
            {
                charts.Add(LineChart.OverEpochs("learning-accuracy.png", "Accuracy per epoch", "accuracy", Curves(curves, e => e.TrainAccuracy, e => e.ValidationAccuracy)));
            }
        }

        foreach (var result in completed.Where(r => r.ConfusionMatrix is not null))
        {
            charts.Add(new ConfusionChart(ConfusionFileName(result), $"Confusion matrix of {result.Trainer} (test rows)", result.ConfusionMatrix!.ClassNames, result.ConfusionMatrix.Counts));
        }

        return charts;
    }

    /// <summary>The MLPs are the trainers with learning curves: ML.NET's trainers record none.</summary>
    private static bool IsMlp(TrainerResult result) => result.IsMlp;

    private static BarHighlight Highlight(bool mlp, bool best) => (mlp, best) switch
    {
        (true, true) => BarHighlight.SubjectAndBest,
        (true, false) => BarHighlight.Subject,
        (false, true) => BarHighlight.Best,
        _ => BarHighlight.None,
    };

    public static string ConfusionFileName(TrainerResult result) => $"confusion-{ReportFormat.Slug(result.Trainer)}.png";

    private static List<ChartLine> Curves(IReadOnlyList<TrainerResult> results, Func<EpochMetrics, double?> train, Func<EpochMetrics, double?> validation) =>
    [
        .. results.SelectMany(result => new[]
        {
            Curve(result.LearningCurve, train, $"{result.Trainer} training", LinePattern.Solid),
            Curve(result.LearningCurve, validation, $"{result.Trainer} validation", LinePattern.Dashed),
        }),
    ];

    private static ChartLine Curve(IReadOnlyList<EpochMetrics> curve, Func<EpochMetrics, double?> metric, string legend, LinePattern pattern)
    {
        var points = curve.Where(e => metric(e).HasValue).ToList();
        return new ChartLine(legend, [.. points.Select(e => (double)e.Epoch)], [.. points.Select(e => metric(e)!.Value)], pattern);
    }
}
