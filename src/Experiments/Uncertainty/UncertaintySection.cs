using System.Globalization;
using MlNetMlp.Experiments.Reporting;
using MlNetMlp.Experiments.Reporting.Charts;
using ScottPlot;

namespace MlNetMlp.Experiments.Uncertainty;

/// <summary>
/// How a report shows <see cref="UncertaintyFigures"/>: a table of the three methods' metrics, a reliability diagram
/// with the diagonal of perfect calibration, and the reliability bins. Used by the uncertainty report and by the
/// regularization study's report alike.
/// </summary>
internal static class UncertaintySection
{
    public const string ReliabilityFile = "reliability.png";

    private const string MetricsText =
        "Log-loss is the mean −ln p(true class) in nats (ML.NET's binary LogLoss is in bits). Brier is the squared error of the probability vector " +
        "summed over the classes (for two classes, twice the usual binary Brier score). ECE is the expected calibration error over 15 equal-width " +
        "confidence bins: the row-weighted gap between each bin's accuracy and its mean confidence. AUROC says how well the uncertainty (the " +
        "predictive entropy) ranks wrong predictions above right ones: 0.5 is chance, 1 perfect. The last three columns are the accuracy on the " +
        "most confident 50, 80 and 90 % of the test rows.";

    public static Chart Reliability(UncertaintyFigures figures, string dataName)
    {
        var bins = figures.Methods.SelectMany(m => m.Metrics.ReliabilityBins).Where(b => b.Count > 0).ToList();
        var low = Math.Floor(Math.Min(bins.Min(b => b.Lower), bins.Min(b => b.Accuracy)) * 10) / 10;
        List<ChartLine> lines =
        [
            new("perfect calibration", [low, 1], [low, 1], LinePattern.Dashed, Colors.Gray, MarkerSize: 0),
            .. figures.Methods.Select(method =>
            {
                var filled = method.Metrics.ReliabilityBins.Where(b => b.Count > 0).ToList();
                return new ChartLine(
                    $"{method.Method} (ECE {ReportFormat.Metric(method.Metrics.ExpectedCalibrationError)})",
                    [.. filled.Select(b => b.MeanConfidence)], [.. filled.Select(b => b.Accuracy)], LinePattern.Solid);
            }),
        ];
        var caption = $"Reliability on the {dataName} test data";
        // A little beyond 1, so that points of perfect accuracy are not cut by the frame.
        return new LineChart(ReliabilityFile, caption, "confidence (probability of the predicted class), per bin", "accuracy of the bin", lines, new AxisLimits(low, 1.02, low, 1.02));
    }

    public static ReportSection Section(string heading, UncertaintyFigures figures, IReadOnlyList<Chart> charts, string dataName) => new(
        heading,
        [
            $"{figures.Methods[0].Metrics.Rows.ToString("N0", CultureInfo.InvariantCulture)} {dataName} test rows, one network: {figures.Network}, trained with {figures.Training}. " +
            $"\"MLP\" is its ordinary deterministic output; Monte Carlo dropout averages {figures.MonteCarloSamples} passes of the same trained network with " +
            $"dropout left on (Gal and Ghahramani, 2016); the deep ensemble averages {figures.EnsembleMembers} copies trained from seeds seed, seed + 1, ... " +
            "(Lakshminarayanan et al., 2017). Monte Carlo dropout reuses the MLP's training, hence its training time of 0.",
            MetricsText,
        ],
        [MetricsTable(figures), BinsTable(figures)],
        [.. charts.Where(c => c.FileName == ReliabilityFile)]);

    private static ReportTable MetricsTable(UncertaintyFigures figures) => new(
        [
            "Method", "Accuracy", "Log-loss (nats)", "Brier", "ECE (15 bins)", "AUROC wrong vs right", "Acc. top 50 %", "Acc. top 80 %", "Acc. top 90 %",
            "Training (s)", "Scoring (s)",
        ],
        [.. figures.Methods.Select(m => (IReadOnlyList<string>)
        [
            m.Method, ReportFormat.Metric(m.Metrics.Accuracy), ReportFormat.Metric(m.Metrics.LogLoss), ReportFormat.Metric(m.Metrics.BrierScore),
            ReportFormat.Metric(m.Metrics.ExpectedCalibrationError), ReportFormat.Metric(m.Metrics.UncertaintyAuroc),
            .. UncertaintyEvaluator.SelectiveShares.Select(share => ReportFormat.Metric(m.Metrics.SelectiveAccuracy[share])),
            ReportFormat.Seconds(m.TrainingSeconds), ReportFormat.Seconds(m.ScoringSeconds),
        ])]);

    /// <summary>The reliability bins any method filled: rows, mean confidence and accuracy per method.</summary>
    private static ReportTable BinsTable(UncertaintyFigures figures)
    {
        var bins = figures.Methods[0].Metrics.ReliabilityBins;
        var filled = Enumerable.Range(0, bins.Count).Where(b => figures.Methods.Any(m => m.Metrics.ReliabilityBins[b].Count > 0));
        return new ReportTable(
            ["Confidence bin", .. figures.Methods.SelectMany(m => new[] { $"{m.Method}: rows", "confidence", "accuracy" })],
            [.. filled.Select(b => (IReadOnlyList<string>)
            [
                $"{bins[b].Lower.ToString("0.000", CultureInfo.InvariantCulture)}–{bins[b].Upper.ToString("0.000", CultureInfo.InvariantCulture)}",
                .. figures.Methods.SelectMany(m =>
                {
                    var bin = m.Metrics.ReliabilityBins[b];
                    return bin.Count == 0
                        ? new[] { "0", ReportFormat.Missing, ReportFormat.Missing }
                        : [bin.Count.ToString("N0", CultureInfo.InvariantCulture), ReportFormat.Metric(bin.MeanConfidence), ReportFormat.Metric(bin.Accuracy)];
                }),
            ])]);
    }
}
