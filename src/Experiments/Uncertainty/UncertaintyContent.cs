using System.Globalization;
using MlNetMlp.Experiments.Reports;

namespace MlNetMlp.Experiments.Uncertainty;

/// <summary>What the uncertainty report says: the three methods' metrics and reliability diagram, the network, the data and the machine.</summary>
internal sealed class UncertaintyContent(UncertaintyReport report) : IReportContent
{
    public object Json => report;

    public IReadOnlyList<ReportChart> DrawCharts(string directory) => [UncertaintySection.DrawReliability(report.Figures, directory, report.Data.Name)];

    public ReportDocument Document(IReadOnlyList<ReportChart> charts) => new(
        report.Title,
        Summary(),
        [
            UncertaintySection.Section("Uncertainty on the test data", report.Figures, charts, report.Data.Name),
            new("Settings", [], [SettingsTable()], []),
            new("Data", [], [ContextTables.Data(report.Data)], []),
            new("Machine and versions", [], [ContextTables.Machine(report.Machine, report.CreatedAt, report.Versions)], []),
        ]);

    public string Csv() => CsvTable.Render(
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

    public IReadOnlyDictionary<string, string> ExtraCsv() => new Dictionary<string, string>();

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
            $"The whole run took {ReportFormat.Seconds(report.StudySeconds)} s on {report.Machine.LogicalCores} logical cores.",
            $"Best accuracy: {Best(m => m.Accuracy, false)}. Best log-loss: {Best(m => m.LogLoss, true)}. Best calibration (ECE): {Best(m => m.ExpectedCalibrationError, true)}. " +
            $"Best at telling wrong from right (AUROC): {Best(m => m.UncertaintyAuroc, false)}.",
        ];
    }

    private ReportTable SettingsTable() => new(
        ["Setting", "Value"],
        [
            ["Command line", report.CommandLine ?? "(library call: UncertaintyExperiment.Run)"],
            ["Network", report.Figures.Network],
            ["Training", report.Figures.Training],
            ["Monte Carlo dropout", $"{report.Figures.MonteCarloSamples} passes, masks seeded from the network's seed and each row's id"],
            ["Deep ensemble", $"{report.Figures.EnsembleMembers} members, member k trained with seed + k"],
            ["Uncertainty measure", "predictive entropy of the (mean) class probabilities"],
        ]);
}
