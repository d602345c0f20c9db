using System.Globalization;
using MlNetMlp.Experiments.Reporting;
using MlNetMlp.Experiments.Reporting.Charts;
using MlNetMlp.Experiments.Studies;
using MlNetMlp.Experiments.Uncertainty;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments.Regularization;

/// <summary>What the regularization study's report says: the conclusions checked, a table per network, the curves beside the book's, the protocol.</summary>
internal sealed class RegularizationSections(RegularizationResult report, StudyContext context)
{
    private const string EpochsCsv = "epochs.csv";

    /// <summary>The study's summary, sections, <c>results.csv</c> and <c>epochs.csv</c>.</summary>
    /// <exception cref="ArgumentException">The result has no networks, or a network has no validation curve.</exception>
    public static StudyReport Describe(RegularizationResult result, StudyContext context)
    {
        if (result.Results.Count == 0)
        {
            throw new ArgumentException("Expected at least one network's result. Received: 0 results", nameof(result));
        }

        if (result.Results.FirstOrDefault(r => r.History.Count == 0 || r.History.Any(e => e.ValidationLoss is null)) is { } missing)
        {
            throw new ArgumentException($"Expected a validation loss after every epoch of every network. Received: {missing.Name} with {missing.History.Count(e => e.ValidationLoss is null)} of {missing.History.Count} epochs without one", nameof(result));
        }

        var sections = new RegularizationSections(result, context);
        return new StudyReport(sections.Summary(), sections.Sections(), new Dictionary<string, string>
        {
            [ReportWriter.ResultsCsv] = sections.Csv(),
            [EpochsCsv] = sections.EpochsCsvText(),
        });
    }

    private List<ReportSection> Sections()
    {
        var charts = RegularizationCharts.Of(report);
        Chart[] Charts(params string[] files) => [.. charts.Where(c => files.Contains(c.FileName))];
        List<ReportSection> sections =
        [
            new("The book's conclusions", [ConclusionsIntro], [ConclusionsTable()], []),
            new(
                "Results per network",
                [
                    "Best epoch: the epoch of lowest validation loss without penalty; the network starts to overfit after it. " +
                    "\"With penalty\" is Keras's val_loss, which adds the L1/L2 penalty of the weights and is what the book plots; " +
                    "\"without penalty\" is the loss of the data alone, the fair comparison between networks. They differ only for networks with a penalty. " +
                    "Training time includes the validation after every epoch.",
                ],
                [ResultsTable()],
                Charts(RegularizationCharts.ValidationLossFile, RegularizationCharts.ValidationLossWithoutPenaltyFile, RegularizationCharts.ValidationAccuracyFile)),
            .. UncertaintySections(charts),
            new(
                "Validation loss per epoch, ours beside the book's",
                [$"Book: {BookReference.Source}. Ours: {ValidationText}. Losses are binary cross-entropy in nats (natural log), as Keras reports them."],
                [.. report.Results.Select(EpochTable)],
                []),
            new(
                "Training and validation loss per network",
                ["Training loss is the mean over the epoch's batches, with dropout active and the penalty included, as Keras reports loss; validation loss is measured after the epoch."],
                [],
                [.. report.Results.SelectMany(r => Charts(RegularizationCharts.ModelFile(r)))]),
            new("Protocol", [], [ProtocolTable()], []),
        ];
        return sections;
    }

    private string Csv() => CsvTable.Render(
        [
            "model", "name", "parameters", "epochs_trained", "kept_epoch", "best_epoch", "best_validation_loss", "final_validation_loss",
            "final_validation_loss_with_penalty", "final_validation_accuracy", "test_accuracy", "training_seconds",
        ],
        report.Results.Select(r => (IReadOnlyList<string>)
        [
            r.Model.ToString(), CsvTable.Quote(r.Name), CsvTable.Integer(r.Parameters), CsvTable.Integer(r.History.Count), CsvTable.Integer(r.KeptEpoch),
            CsvTable.Integer(r.BestEpoch), CsvTable.Number(r.BestValidationLoss), CsvTable.Number(r.FinalValidationLoss),
            CsvTable.Number(r.FinalValidationLossWithPenalty), CsvTable.Number(r.FinalValidationAccuracy), CsvTable.Number(r.TestAccuracy), CsvTable.Number(r.TrainingSeconds),
        ]));

    private string EpochsCsvText() => CsvTable.Render(
            [
                "model", "epoch", "training_loss", "training_penalty", "training_accuracy", "validation_loss", "validation_penalty",
                "validation_loss_without_penalty", "validation_accuracy", "book_validation_loss", "seconds",
            ],
            report.Results.SelectMany(r => r.History.Select(e => (IReadOnlyList<string>)
            [
                r.Model.ToString(), CsvTable.Integer(e.Epoch), CsvTable.Number(e.TrainingLoss), CsvTable.Number(e.PenaltyLoss), CsvTable.Number(e.TrainingMetric),
                CsvTable.Number(e.ValidationLoss), CsvTable.Number(e.ValidationPenaltyLoss), CsvTable.Number(e.ValidationLossWithoutPenalty),
                CsvTable.Number(e.ValidationMetric), CsvTable.Number(Book(r.Model, e.Epoch)), CsvTable.Number(e.WallTime.TotalSeconds),
            ])));

    private IEnumerable<ReportSection> UncertaintySections(IReadOnlyList<Chart> charts) => report.Uncertainty is { } figures
        ? [UncertaintySection.Section("Predictive uncertainty of the dropout network", figures, charts, report.Data.Name)]
        : [];

    private const string ConclusionsIntro =
        "Each conclusion of the book, tested on the book's own curves and on ours. \"Overfits first\" compares the epochs of lowest validation loss; " +
        "\"worst\" and \"ends lower\" compare the loss after the last epoch. The book's numbers include the L2 penalty (Keras's val_loss); ours are shown both ways. " +
        "Nothing was tuned to make a conclusion hold.";

    private string ValidationText => report.Protocol.Validation == RegularizationValidation.Test
        ? $"validation on the {report.Data.TestRows:N0} test reviews, as the book does (the curves and the test accuracy come from the same reviews)"
        : $"validation on {report.Protocol.ValidationRows:N0} training reviews held out at random (seed {report.Protocol.Seed}); the test reviews were touched once, at the end";

    private List<string> Summary()
    {
        var checks = report.Conclusions.Where(c => c.OursWithoutPenalty is not null).ToList();
        var held = checks.Count(c => c.OursWithoutPenalty!.Holds);
        var summary = new List<string>
        {
            $"{report.Results.Count} networks on IMDb, {report.Protocol.Epochs} epochs each, {report.Protocol.Optimizer}, batch {report.Protocol.BatchSize}, seed {report.Protocol.Seed}; " +
            $"{ValidationText}. The whole study took {Duration(context.StudySeconds)} on {context.Machine.LogicalCores} logical cores.",
        };
        if (checks.Count > 0)
        {
            summary.Add($"{held} of the book's {checks.Count} conclusions hold in our run (validation loss without penalty)" +
                (held < checks.Count ? $"; not: {string.Join("; ", checks.Where(c => !c.OursWithoutPenalty!.Holds).Select(c => c.Claim))}." : "."));
        }

        var best = report.Results.MinBy(r => r.BestValidationLoss)!;
        var bestTest = report.Results.MaxBy(r => r.TestAccuracy)!;
        summary.Add($"Lowest validation loss: {best.Name}, {ReportFormat.Metric(best.BestValidationLoss)} at epoch {best.BestEpoch}. " +
            $"Highest test accuracy: {bestTest.Name}, {ReportFormat.Metric(bestTest.TestAccuracy)} (after epoch {bestTest.KeptEpoch}).");
        return summary;
    }

    private ReportTable ConclusionsTable() => new(
        ["Conclusion", "Book", "Ours, with penalty", "Ours, without penalty", "Our numbers (without penalty)", "The book's numbers"],
        [.. report.Conclusions.Select(c => (IReadOnlyList<string>)
            [c.Claim, Verdict(c.Book), Verdict(c.OursWithPenalty), Verdict(c.OursWithoutPenalty), c.OursWithoutPenalty?.Evidence ?? ReportFormat.Missing, c.Book?.Evidence ?? ReportFormat.Missing])]);

    private ReportTable ResultsTable() => new(
        [
            "Network", "Parameters", "Epochs", "Best epoch", "Best val. loss (without penalty)", "Final val. loss (with penalty)", "Final val. loss (without penalty)",
            "Final val. accuracy", "Test accuracy", "Training (s)",
        ],
        [.. report.Results.Select(r => (IReadOnlyList<string>)
        [
            r.Name, r.Parameters.ToString("N0", CultureInfo.InvariantCulture),
            r.KeptEpoch == r.History.Count ? $"{r.History.Count}" : $"{r.History.Count} (kept {r.KeptEpoch})",
            r.BestEpoch.ToString(CultureInfo.InvariantCulture), ReportFormat.Metric(r.BestValidationLoss), ReportFormat.Metric(r.FinalValidationLossWithPenalty),
            ReportFormat.Metric(r.FinalValidationLoss), ReportFormat.Metric(r.FinalValidationAccuracy), ReportFormat.Metric(r.TestAccuracy), ReportFormat.Seconds(r.TrainingSeconds),
        ])]);

    private static ReportTable EpochTable(RegularizationModelResult result) => new(
        [$"{result.Name}: epoch", "Book val. loss", "Ours, with penalty", "Ours − book", "Ours, without penalty", "Val. accuracy", "Training loss"],
        [.. result.History.Select(e =>
        {
            var book = Book(result.Model, e.Epoch);
            return (IReadOnlyList<string>)
            [
                e.Epoch.ToString(CultureInfo.InvariantCulture), ReportFormat.Metric(book), ReportFormat.Metric(e.ValidationLoss),
                book is null || e.ValidationLoss is null ? ReportFormat.Missing : (e.ValidationLoss.Value - book.Value).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture),
                ReportFormat.Metric(e.ValidationLossWithoutPenalty), ReportFormat.Metric(e.ValidationMetric), ReportFormat.Metric(e.TrainingLoss),
            ];
        })]);

    private ReportTable ProtocolTable() => new(
        ["Setting", "Value"],
        [
            ["Command line", context.CommandLine ?? "(library call: RegularizationStudy.Run)"],
            ["Validation", ValidationText],
            ["Epochs", report.Protocol.Epochs.ToString(CultureInfo.InvariantCulture)],
            ["Batch size", report.Protocol.BatchSize.ToString(CultureInfo.InvariantCulture)],
            ["Optimizer", report.Protocol.Optimizer],
            ["Seed", report.Protocol.Seed.ToString(CultureInfo.InvariantCulture)],
            ["Features", report.Protocol.Features],
            .. report.Results.Select(r => (IReadOnlyList<string>)[r.Name, Layers(r.Model)]),
            ["Book reference", BookReference.Source],
        ]);

    private static string Layers(RegularizationModel model)
    {
        var options = RegularizationModels.CreateMlpOptions(model);
        var layers = NetworkDescription.Of(ImdbPipeline.DefaultNumWords, options.Layers, "Dense(1, Sigmoid)");
        return options.EarlyStopping is { } stopping
            ? $"{layers}; stops after {stopping.Patience} epochs without a lower validation loss, best weights restored"
            : layers;
    }

    private static double? Book(RegularizationModel model, int epoch) =>
        BookReference.ValidationLoss(model) is { } book && epoch <= book.Count ? book[epoch - 1] : null;

    private static string Verdict(ConclusionCheck? check) => check switch
    {
        null => "not run",
        { Holds: true } => "holds",
        _ => "does not hold",
    };

    private static string Duration(double seconds) => seconds < 90
        ? $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        : $"{(int)(seconds / 60)} min {(seconds % 60).ToString("00", CultureInfo.InvariantCulture)} s";
}
