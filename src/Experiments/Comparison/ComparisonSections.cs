using System.Globalization;
using MlNetMlp.Experiments.Reporting;
using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments.Comparison;

/// <summary>What a comparison's report says: the verdict, the results table, the learning curves, the confusion matrices and the settings.</summary>
internal sealed class ComparisonSections(ComparisonResult report, StudyContext context)
{
    private static readonly string[] CsvHeader =
    [
        "trainer", "task", "status", "status_reason", "micro_accuracy", "macro_accuracy", "log_loss_nats", "auc", "f1_score",
        "training_seconds", "prediction_rows_per_second", "model_bytes", "settings",
    ];

    /// <summary>The comparison's summary, sections and <c>results.csv</c>.</summary>
    /// <exception cref="ArgumentException">The result has no trainers, or mixes tasks.</exception>
    public static StudyReport Describe(ComparisonResult result, StudyContext context)
    {
        if (result.Results.Count == 0)
        {
            throw new ArgumentException("Expected at least one trainer result. Received: 0 results", nameof(result));
        }

        if (result.Results.FirstOrDefault(r => r.Task != result.Task) is { } other)
        {
            throw new ArgumentException($"Expected every result to be {result.Task}. Received: {other.Trainer} with Task={other.Task}", nameof(result));
        }

        var sections = new ComparisonSections(result, context);
        return new StudyReport(sections.Summary(), sections.Sections(), new Dictionary<string, string> { [ReportWriter.ResultsCsv] = sections.Csv() });
    }

    private List<ReportSection> Sections()
    {
        var charts = ComparisonCharts.Of(report);
        var sections = new List<ReportSection>
        {
            new(
                "Results",
                [
                    $"Task: {TaskName(report.Task)}. Metrics on {report.Data.TestRows.ToString("N0", CultureInfo.InvariantCulture)} test rows of {report.Data.Name}.",
                    string.Join(" ", ComparisonVerdict.Sentences(report)),
                ],
                [ResultsTable()],
                [.. charts.Where(c => c.FileName is ComparisonCharts.AccuracyFile or ComparisonCharts.TrainingTimeFile)]),
            new("Metrics", MetricNotes(), [], []),
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

        sections.Add(new ReportSection("Settings", RunNotes(), [SettingsTable()], []));
        return sections;
    }

    private string Csv() => CsvTable.Render(CsvHeader, report.Results.Select(r => (IReadOnlyList<string>)
    [
        CsvTable.Quote(r.Trainer), r.Task.ToString(), r.Status.ToString(), CsvTable.Quote(r.StatusReason ?? string.Empty),
        CsvTable.Number(r.MicroAccuracy), CsvTable.Number(r.MacroAccuracy), CsvTable.Number(r.LogLoss), CsvTable.Number(r.Auc), CsvTable.Number(r.F1Score),
        CsvTable.Number(r.TrainingSeconds), CsvTable.Number(r.PredictionRowsPerSecond), CsvTable.Integer(r.ModelBytes), CsvTable.Quote(r.Settings),
    ]));

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
        foreach (var (mlp, rank) in ranked.Select((r, i) => (r, i + 1)).Where(x => x.r.IsMlp))
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
        List<string> headers = ["Trainer", "Status", binary ? "Accuracy" : "Micro-accuracy", "Macro-accuracy", "Log-loss (nats)"];
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

    /// <summary>What each column measures and in which unit, so the numbers of different trainers are read alike.</summary>
    private List<string> MetricNotes()
    {
        var notes = new List<string>
        {
            report.Task == ComparisonTask.Binary
                ? "Accuracy: the share of test rows classified correctly. Macro-accuracy: the mean of the recalls of the two classes. AUC: the area under the ROC curve. F1: of the positive class."
                : "Micro-accuracy: the share of test rows classified correctly. Macro-accuracy: the mean over classes of each class's recall, so every class counts alike.",
            "Log-loss: the mean over the test rows of -ln p, p being the probability given to the true class, in nats (natural logarithm), the unit of the MLPs' training loss and of the learning curves below. "
            + "ML.NET's BinaryClassification.Evaluate reports binary log-loss in bits (base 2); this report multiplies it by ln 2 = 0.6931 so that every log-loss here is in nats. "
            + "ML.NET's multiclass log-loss is already in nats. Trainers without calibrated probabilities (the averaged perceptron) have none.",
            "Training (s): the wall time of Fit alone. The data are read, prepared and cached once before any trainer starts and are not counted; "
            + "the MLPs' per-epoch validation on their held-out rows is part of their training and is counted; pipelines that featurize raw text (FeaturizeText) do so inside their Fit. "
            + "The test rows are scored once, after training.",
            "Prediction (rows/s): test rows scored per second by the whole saved chain, from raw rows to predicted label, in one pass. Model size: the saved .zip with its data preparation.",
        };
        return notes;
    }

    private List<string> RunNotes()
    {
        var notes = new List<string>();
        if (context.CommandLine is { } command)
        {
            notes.Add($"Command line: {command}");
        }

        notes.Add(context.Seed is { } seed
            ? $"Seed: {seed.ToString(CultureInfo.InvariantCulture)} (the ML.NET context, the MLPs' initialization, shuffling and dropout, and any data subset)."
            : "Seed: not recorded.");
        notes.Add("The trainers on the prepared features all see the same training rows in one seeded random order, and the MLPs hold out the last rows of that order to validate; "
            + "pipelines that featurize the raw text read the same training rows. No trainer sees a test row before it is scored.");
        return notes;
    }

    private ReportTable SettingsTable() => new(
        ["Trainer", "Settings"],
        [.. report.Results.Select(r => (IReadOnlyList<string>)[r.Trainer, r.Settings.Length > 0 ? r.Settings : ReportFormat.Missing])]);

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
