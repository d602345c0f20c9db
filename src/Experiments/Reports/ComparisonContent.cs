using System.Globalization;
using MlNetMlp.Experiments.Comparison;

namespace MlNetMlp.Experiments.Reports;

/// <summary>What a comparison report says: the results table, the learning curves, the confusion matrices, the data and the machine.</summary>
internal sealed class ComparisonContent(ComparisonReport report) : IReportContent
{
    private static readonly string[] CsvHeader =
    [
        "trainer", "task", "status", "status_reason", "micro_accuracy", "macro_accuracy", "log_loss", "auc", "f1_score",
        "training_seconds", "prediction_rows_per_second", "model_bytes",
    ];

    public object Json => report;

    public IReadOnlyList<ReportChart> DrawCharts(string directory) => ComparisonCharts.Draw(report, directory);

    public ReportDocument Document(IReadOnlyList<ReportChart> charts)
    {
        var sections = new List<ReportSection>
        {
            new(
                "Results",
                [$"Task: {TaskName(report.Task)}. Metrics on {report.Data.TestRows.ToString("N0", CultureInfo.InvariantCulture)} test rows of {report.Data.Name}."],
                [ResultsTable()],
                [.. charts.Where(c => c.FileName is "accuracy.png" or "training-time.png")]),
        };

        var curves = report.Results.Where(r => r.LearningCurve.Count > 0).ToList();
        if (curves.Count > 0)
        {
            sections.Add(new ReportSection(
                "Learning curves",
                ["Loss and accuracy at the end of each epoch, on the training rows and on the validation split each MLP holds out of them (its last rows after the comparison's one seeded shuffle). The test rows play no part in training: every trainer is scored on them once, after training."],
                [.. curves.Select(CurveTable)],
                [.. charts.Where(c => c.FileName.StartsWith("learning-", StringComparison.Ordinal))]));
        }

        foreach (var result in report.Results.Where(r => r.Status == TrainerStatus.Completed && r.ConfusionMatrix is not null))
        {
            sections.Add(new ReportSection(
                $"Confusion matrix: {result.Trainer}",
                ["Rows are the actual classes, columns the predicted ones."],
                [ConfusionTable(result.ConfusionMatrix!) with { FoldedAs = $"Counts of {result.Trainer}" }],
                [.. charts.Where(c => c.FileName == ComparisonCharts.ConfusionFileName(result))]));
        }

        sections.Add(new ReportSection("Data", [], [ContextTables.Data(report.Data)], []));
        sections.Add(new ReportSection("Machine and versions", [], [ContextTables.Machine(report.Machine, report.CreatedAt, report.Versions)], []));
        return new ReportDocument(report.Title, Summary(), sections);
    }

    public string Csv() => CsvTable.Render(CsvHeader, report.Results.Select(r => (IReadOnlyList<string>)
    [
        CsvTable.Quote(r.Trainer), r.Task.ToString(), r.Status.ToString(), CsvTable.Quote(r.StatusReason ?? string.Empty),
        CsvTable.Number(r.MicroAccuracy), CsvTable.Number(r.MacroAccuracy), CsvTable.Number(r.LogLoss), CsvTable.Number(r.Auc), CsvTable.Number(r.F1Score),
        CsvTable.Number(r.TrainingSeconds), CsvTable.Number(r.PredictionRowsPerSecond), CsvTable.Integer(r.ModelBytes),
    ]));

    public IReadOnlyDictionary<string, string> ExtraCsv() => new Dictionary<string, string>();

    /// <summary>The best trainer by test accuracy, and each MLP's rank among the completed trainers and its margin to the best (or the runner-up, when it is the best).</summary>
    private List<string> Summary()
    {
        var ranked = report.Results.Where(r => r.Status == TrainerStatus.Completed && r.MicroAccuracy.HasValue).OrderByDescending(r => r.MicroAccuracy).ToList();
        if (ranked.Count == 0)
        {
            return ["No trainer completed."];
        }

        var accuracy = report.Task == ComparisonTask.Binary ? "test accuracy" : "test micro-accuracy";
        var best = ranked[0];
        var summary = new List<string> { $"Best {accuracy}: {best.Trainer}, {ReportFormat.Metric(best.MicroAccuracy)} ({ranked.Count} trainers completed on {report.Data.TestRows.ToString("N0", CultureInfo.InvariantCulture)} test rows of {report.Data.Name})." };
        foreach (var (mlp, rank) in ranked.Select((r, i) => (r, i + 1)).Where(x => x.r.LearningCurve.Count > 0))
        {
            var margin = rank == 1
                ? ranked.Count > 1 ? $"ahead of {ranked[1].Trainer} by {Points(mlp.MicroAccuracy!.Value - ranked[1].MicroAccuracy!.Value)}" : "the only trainer"
                : $"behind {best.Trainer} by {Points(best.MicroAccuracy!.Value - mlp.MicroAccuracy!.Value)}";
            summary.Add($"{mlp.Trainer} ranks {rank} of {ranked.Count} with {ReportFormat.Metric(mlp.MicroAccuracy)}, {margin}.");
        }

        return summary;
    }

    private static string Points(double difference) => $"{(difference * 100).ToString("0.00", CultureInfo.InvariantCulture)} percentage points";

    private static string TaskName(ComparisonTask task) => task switch
    {
        ComparisonTask.Binary => "binary classification",
        _ => "multiclass classification",
    };

    private ReportTable ResultsTable()
    {
        var binary = report.Task == ComparisonTask.Binary;
        List<string> headers = ["Trainer", "Status", binary ? "Accuracy" : "Micro-accuracy", "Macro-accuracy", "Log-loss"];
        if (binary)
        {
            headers.AddRange(["AUC", "F1"]);
        }

        headers.AddRange(["Training (s)", "Prediction (rows/s)", "Model size"]);
        var rows = report.Results.Select(r =>
        {
            List<string> cells = [r.Trainer, r.StatusText, ReportFormat.Metric(r.MicroAccuracy), ReportFormat.Metric(r.MacroAccuracy), ReportFormat.Metric(r.LogLoss)];
            if (binary)
            {
                cells.AddRange([ReportFormat.Metric(r.Auc), ReportFormat.Metric(r.F1Score)]);
            }

            cells.AddRange([ReportFormat.Seconds(r.TrainingSeconds), ReportFormat.Rate(r.PredictionRowsPerSecond), ReportFormat.Bytes(r.ModelBytes)]);
            return (IReadOnlyList<string>)cells;
        }).ToList();
        return new ReportTable(headers, rows);
    }

    private static ReportTable CurveTable(TrainerResult result) => new(
        [$"{result.Trainer}: epoch", "Training loss", "Validation loss", "Training accuracy", "Validation accuracy"],
        [.. result.LearningCurve.Select(e => (IReadOnlyList<string>)
        [
            e.Epoch.ToString(CultureInfo.InvariantCulture), ReportFormat.Metric(e.TrainLoss), ReportFormat.Metric(e.ValidationLoss),
            ReportFormat.Metric(e.TrainAccuracy), ReportFormat.Metric(e.ValidationAccuracy),
        ])]);

    private static ReportTable ConfusionTable(ConfusionMatrixResult matrix) => new(
        ["actual \\ predicted", .. matrix.ClassNames],
        [.. matrix.ClassNames.Select((name, row) => (IReadOnlyList<string>)
            [name, .. matrix.Counts[row].Select(count => count.ToString(CultureInfo.InvariantCulture))])]);
}
