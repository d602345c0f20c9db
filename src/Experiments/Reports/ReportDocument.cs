using System.Globalization;
using MlNetMlp.Experiments.Comparison;

namespace MlNetMlp.Experiments.Reports;

/// <summary>A table of already formatted cells.</summary>
internal sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>One headed section of the report: text, tables, then charts.</summary>
internal sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportChart> Charts);

/// <summary>The report's content, built once and rendered by both the Markdown and the HTML writer.</summary>
internal static class ReportDocument
{
    public static IReadOnlyList<ReportSection> Build(ComparisonReport report, IReadOnlyList<ReportChart> charts)
    {
        var sections = new List<ReportSection>
        {
            new(
                "Results",
                [$"Task: {TaskName(report.Task)}. Metrics on {report.Data.TestRows.ToString("N0", CultureInfo.InvariantCulture)} test rows of {report.Data.Name}."],
                [ResultsTable(report)],
                [.. charts.Where(c => c.FileName is "accuracy.png" or "training-time.png")]),
        };

        var curves = report.Results.Where(r => r.LearningCurve.Count > 0).ToList();
        if (curves.Count > 0)
        {
            sections.Add(new ReportSection(
                "Learning curves",
                ["Loss and accuracy at the end of each epoch, on the training data and on held-out data. In a comparison the held-out data are the test rows, used only to monitor: nothing stops or selects on them."],
                [.. curves.Select(CurveTable)],
                [.. charts.Where(c => c.FileName.StartsWith("learning-", StringComparison.Ordinal))]));
        }

        foreach (var result in report.Results.Where(r => r.Status == TrainerStatus.Completed && r.ConfusionMatrix is not null))
        {
            sections.Add(new ReportSection(
                $"Confusion matrix: {result.Trainer}",
                ["Rows are the actual classes, columns the predicted ones."],
                [ConfusionTable(result.ConfusionMatrix!)],
                [.. charts.Where(c => c.FileName == $"confusion-{ReportFormat.Slug(result.Trainer)}.png")]));
        }

        sections.Add(new ReportSection("Data", [], [DataTable(report.Data)], []));
        sections.Add(new ReportSection("Machine and versions", [], [MachineTable(report)], []));
        return sections;
    }

    public static string TaskName(ComparisonTask task) => task switch
    {
        ComparisonTask.Binary => "binary classification",
        _ => "multiclass classification",
    };

    private static ReportTable ResultsTable(ComparisonReport report)
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

    private static ReportTable DataTable(DataDescription data) => new(
        ["Data", "Value"],
        [
            ["Data set", data.Name],
            ["Source", data.Source],
            ["Training rows", data.TrainRows.ToString("N0", CultureInfo.InvariantCulture)],
            ["Validation rows", data.ValidationRows?.ToString("N0", CultureInfo.InvariantCulture) ?? ReportFormat.Missing],
            ["Test rows", data.TestRows.ToString("N0", CultureInfo.InvariantCulture)],
        ]);

    private static ReportTable MachineTable(ComparisonReport report) => new(
        ["Item", "Value"],
        [
            ["Logical cores", report.Machine.LogicalCores.ToString(CultureInfo.InvariantCulture)],
            ["Operating system", report.Machine.OperatingSystem],
            ["Runtime", report.Machine.Runtime],
            ["Architecture", report.Machine.Architecture],
            ["Created", report.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)],
            .. report.Versions.Select(v => (IReadOnlyList<string>)[v.Key, v.Value]),
        ]);
}
