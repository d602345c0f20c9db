using MlNetMlp.Experiments.Reporting;
using MlNetMlp.Experiments.Reporting.Charts;
using MlNetMlp.Experiments.Uncertainty;
using ScottPlot;

namespace MlNetMlp.Experiments.Regularization;

/// <summary>
/// The study's charts: every network's validation loss per epoch beside the book's (its figure), the same without the
/// penalty, the validation accuracy, and one chart per network with its training and validation loss. A network keeps
/// its colour in every chart.
/// </summary>
internal static class RegularizationCharts
{
    public const string ValidationLossFile = "validation-loss.png";
    public const string ValidationLossWithoutPenaltyFile = "validation-loss-without-penalty.png";
    public const string ValidationAccuracyFile = "validation-accuracy.png";

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static IReadOnlyList<Chart> Of(RegularizationResult report)
    {
        var results = report.Results;
        var charts = new List<Chart>
        {
            LineChart.OverEpochs(ValidationLossFile, "Validation loss per epoch: ours (solid), the book's (dotted)", "validation loss with penalty (nats)",
            [
                .. results.Select((r, i) => Curve(r, e => e.ValidationLoss, r.Name, LinePattern.Solid, i)),
                .. results.Select((r, i) => (Result: r, Index: i, Book: BookReference.ValidationLoss(r.Model)))
                    .Where(b => b.Book is not null)
                    .Select(b => new ChartLine($"{b.Result.Name}, book", [.. Enumerable.Range(1, b.Book!.Count).Select(e => (double)e)], b.Book!, LinePattern.Dotted, Palette.GetColor(b.Index), MarkerSize: 0)),
            ]),
        };
        if (results.Any(HasPenalty))
        {
            charts.Add(LineChart.OverEpochs(ValidationLossWithoutPenaltyFile, "Validation loss per epoch without the penalty", "validation loss of the data alone (nats)",
                [.. results.Select((r, i) => Curve(r, e => e.ValidationLossWithoutPenalty, r.Name, LinePattern.Solid, i))]));
        }

        charts.Add(LineChart.OverEpochs(ValidationAccuracyFile, "Validation accuracy per epoch", "validation accuracy",
            [.. results.Select((r, i) => Curve(r, e => e.ValidationMetric, r.Name, LinePattern.Solid, i))]));
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            List<ChartLine> lines =
            [
                Curve(result, e => e.TrainingLoss, HasPenalty(result) ? "training loss (penalty included)" : "training loss", LinePattern.Solid, i),
                Curve(result, e => e.ValidationLoss, HasPenalty(result) ? "validation loss (penalty included)" : "validation loss", LinePattern.Dashed, i),
            ];
            if (HasPenalty(result))
            {
                lines.Add(Curve(result, e => e.ValidationLossWithoutPenalty, "validation loss without penalty", LinePattern.Dotted, i));
            }

            charts.Add(LineChart.OverEpochs(ModelFile(result), $"{result.Name}: training and validation loss", "loss (binary cross-entropy, nats)", lines));
        }

        if (report.Uncertainty is { } uncertainty)
        {
            charts.Add(UncertaintySection.Reliability(uncertainty, report.Data.Name));
        }

        return charts;
    }

    public static string ModelFile(RegularizationModelResult result) => $"loss-{ReportFormat.Slug(result.Model.ToString())}.png";

    public static bool HasPenalty(RegularizationModelResult result) => result.History.Any(e => e.PenaltyLoss > 0);

    private static ChartLine Curve(RegularizationModelResult result, Func<MlpEpoch, double?> value, string legend, LinePattern pattern, int index)
    {
        var points = result.History.Where(e => value(e).HasValue).ToList();
        return new ChartLine(legend, [.. points.Select(e => (double)e.Epoch)], [.. points.Select(e => value(e)!.Value)], pattern, Palette.GetColor(index));
    }
}
