using System.ComponentModel;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Data;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using MlNetMlp.Pipelines;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary><c>mlnetmlp compare mnist|imdb</c>: the main job. The MLP beside ML.NET's own trainers, and a report.</summary>
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : NetworkSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Report folder; default: out/compare-<dataset>")]
        public string? Out { get; init; }

        [CommandOption("--with-torchsharp-text")]
        [Description("IMDb only: add ML.NET's pretrained TextClassification baseline (downloads weights; hours of CPU on the full set). Reported as skipped where the weights cannot be had")]
        public bool WithTorchSharpText { get; init; }

        public string OutPath => Out ?? Path.Combine("out", $"compare-{Dataset.Trim().ToLowerInvariant()}");

        /// <summary>The MLPs' learning curves need held-out rows: 0.1 of the training rows unless --validation-split says otherwise.</summary>
        protected override float? DefaultValidationSplit => MlpCandidate.DefaultValidationFraction;

        protected override void Check()
        {
            base.Check();
            if (WithTorchSharpText && Kind != DatasetKind.Imdb)
            {
                throw new UsageException("--with-torchsharp-text: applies to imdb only.");
            }
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folder = OutputPath.Folder("--out", settings.OutPath);
        var mlContext = new MLContext(seed: settings.Seed);
        var dataset = DatasetSource.Load(mlContext, settings.Kind, settings.Data, settings.Rows, settings.Seed);
        dataset = dataset with { Description = dataset.Description with { ValidationRows = HeldOutRows(dataset, settings) } };
        AnsiConsole.MarkupLine(dataset.Announcement);

        var report = RunWithProgress(mlContext, dataset, settings) with { CommandLine = ProgramCommandLine.Current(), Seed = settings.Seed };
        var files = ReportWriter.Write(report, folder);
        AnsiConsole.Write(ResultsTable(report));
        AnsiConsole.WriteLine(string.Join(" ", ComparisonVerdict.Sentences(report)));
        AnsiConsole.MarkupLineInterpolated($"Report: [link]{files.Markdown}[/], {files.Html}, {files.Csv}, {files.Json} and {files.Charts.Count} charts in {files.Directory}");
        return report.Results.Any(r => r.Status == TrainerStatus.Completed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Runs the comparison with live progress bars on a terminal, and plain lines in logs and pipes.</summary>
    private static ComparisonReport RunWithProgress(MLContext mlContext, LoadedDataset dataset, Settings settings)
    {
        MlpOptions Network()
        {
            var options = settings.Shape(dataset.Kind == DatasetKind.Mnist ? MnistPipeline.CreateMlpOptions() : ImdbPipeline.CreateMlpOptions());
            options.Seed = settings.Seed;
            return options;
        }

        ComparisonPlan Plan(Action<string, MlpEpoch> onEpoch) => dataset.Kind == DatasetKind.Mnist
            ? MnistComparison.CreatePlan(mlContext, Network, onEpoch)
            : ImdbComparison.CreatePlan(mlContext, Network, onEpoch, settings.WithTorchSharpText);

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var plainPlan = Plan((name, epoch) => AnsiConsole.WriteLine($"  {name} {epoch}"));
            return ComparisonJob.Run(mlContext, plainPlan, dataset.Train, dataset.Test, dataset.Description, new ProgressLines(AnsiConsole.WriteLine));
        }

        ComparisonReport? report = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var trainers = progress.AddTask("trainers");
                // Indeterminate: an MLP that stops early ends before its epoch budget.
                var mlp = progress.AddTask("MLP epochs").IsIndeterminate();
                var plan = Plan((name, epoch) => mlp.Description = Markup.Escape($"{name} {epoch}"));
                trainers.MaxValue = plan.Candidates.Count;
                var lines = new ProgressLines(line =>
                {
                    trainers.Description = Markup.Escape(line);
                    if (!line.EndsWith(": training", StringComparison.Ordinal))
                    {
                        trainers.Increment(1);
                    }
                });
                report = ComparisonJob.Run(mlContext, plan, dataset.Train, dataset.Test, dataset.Description, lines);
            });
        return report!;
    }

    /// <summary>The rows each MLP holds out of the training rows to validate, as the trainer splits them (the last fraction, rounded down); null when none.</summary>
    private static long? HeldOutRows(LoadedDataset dataset, Settings settings)
    {
        var fraction = settings.ValidationSplit ?? MlpCandidate.DefaultValidationFraction;
        return fraction > 0 ? (long)(dataset.Description.TrainRows * (double)fraction) : null;
    }

    private static Table ResultsTable(ComparisonReport report)
    {
        var table = new Table().AddColumns("trainer", "accuracy", "macro acc.", "log-loss (nats)", "train s", "rows/s", "model KiB", "status");
        foreach (var result in report.Results)
        {
            table.AddRow(
                Markup.Escape(result.Trainer), Format(result.MicroAccuracy, "F4"), Format(result.MacroAccuracy, "F4"), Format(result.LogLoss, "F4"),
                Format(result.TrainingSeconds, "F1"), Format(result.PredictionRowsPerSecond, "N0"), Format(result.ModelBytes / 1024.0, "N0"),
                Markup.Escape(result.StatusText));
        }

        return table;
    }

    private static string Format(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
