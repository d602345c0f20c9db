using System.Globalization;
using MlNetMlp.Experiments.Reporting;
using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments.Uncertainty;

/// <summary>What the uncertainty report says: the three methods' metrics and reliability diagram, and the network and its settings.</summary>
internal sealed class UncertaintySections(UncertaintyResult report, StudyContext context)
{
    /// <summary>The study's summary, sections and <c>results.csv</c>.</summary>
    /// <exception cref="ArgumentException">The result has no methods.</exception>
    public static StudyReport Describe(UncertaintyResult result, StudyContext context)
    {
        if (result.Figures.Methods.Count == 0)
        {
            throw new ArgumentException("Expected at least one method's figures. Received: 0 methods", nameof(result));
        }

        var sections = new UncertaintySections(result, context);
        return new StudyReport(
            sections.Summary(),
            [
                UncertaintySection.Section("Uncertainty on the test data", result.Figures, [UncertaintySection.Reliability(result.Figures, result.Data.Name)], result.Data.Name),
                new("Settings", [], [sections.SettingsTable()], []),
            ],
            new Dictionary<string, string> { [ReportWriter.ResultsCsv] = sections.Csv() });
    }

    private string Csv() => CsvTable.Render(
        [
            "method", "uncertainty_measure", "rows", "accuracy", "log_loss", "brier_score", "expected_calibration_error", "uncertainty_auroc",
            .. UncertaintyEvaluator.SelectiveShares.Select(share => $"selective_accuracy_{(share * 100).ToString("0", CultureInfo.InvariantCulture)}"),
            "training_seconds", "scoring_seconds",
        ],
        report.Figures.Methods.Select(m => (IReadOnlyList<string>)
        [
            CsvTable.Quote(m.Method), CsvTable.Quote(m.UncertaintyMeasure), CsvTable.Integer(m.Metrics.Rows), CsvTable.Number(m.Metrics.Accuracy),
            CsvTable.Number(m.Metrics.LogLoss), CsvTable.Number(m.Metrics.BrierScore), CsvTable.Number(m.Metrics.ExpectedCalibrationError),
            CsvTable.Number(m.Metrics.UncertaintyAuroc), .. UncertaintyEvaluator.SelectiveShares.Select(share => CsvTable.Number(m.Metrics.SelectiveAccuracy[share])),
            CsvTable.Number(m.TrainingSeconds), CsvTable.Number(m.ScoringSeconds),
        ]));

    private List<string> Summary()
    {
        var methods = report.Figures.Methods;
        string Best(Func<UncertaintyMetrics, double> metric, bool lowerIsBetter)
        {
            var best = lowerIsBetter ? methods.MinBy(m => metric(m.Metrics))! : methods.MaxBy(m => metric(m.Metrics))!;
            return $"{best.Method} ({ReportFormat.Metric(metric(best.Metrics))})";
        }

        return
        [
            $"{report.Data.Name}, {report.Data.TrainRows:N0} training and {report.Data.TestRows:N0} test rows; {report.Figures.Network}; {report.Figures.Training}. " +
            $"The whole run took {ReportFormat.Seconds(context.StudySeconds)} s on {context.Machine.LogicalCores} logical cores.",
            $"Best accuracy: {Best(m => m.Accuracy, false)}. Best log-loss: {Best(m => m.LogLoss, true)}. Best calibration (ECE): {Best(m => m.ExpectedCalibrationError, true)}. " +
            $"Best at telling wrong from right (AUROC): {Best(m => m.UncertaintyAuroc, false)}.",
        ];
    }

    private ReportTable SettingsTable() => new(
        ["Setting", "Value"],
        [
            ["Command line", context.CommandLine ?? "(library call: UncertaintyStudy.Run)"],
            ["Network", report.Figures.Network],
            ["Training", report.Figures.Training],
            ["Monte Carlo dropout", $"{report.Figures.MonteCarloSamples} passes, masks seeded from the network's seed and each row's id"],
            ["Deep ensemble", $"{report.Figures.EnsembleMembers} members, member k trained with seed + k"],
            ["Uncertainty measure", "predictive entropy of the (mean) class probabilities"],
        ]);
}
