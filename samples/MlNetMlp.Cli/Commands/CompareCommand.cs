using System.ComponentModel;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary><c>mlnetmlp compare &lt;dataset&gt;</c>: the main job. The MLP beside ML.NET's own trainers, and a report.</summary>
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : NetworkSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Report folder; default: out/compare-<dataset>")]
        public string? Out { get; init; }

        [CommandOption("--with-torchsharp-text")]
        [Description("Add the data set's optional baselines (IMDb: ML.NET's pretrained TextClassification, which downloads weights and needs hours of CPU on the full set). Reported as skipped where the weights cannot be had")]
        public bool WithTorchSharpText { get; init; }

        public string OutPath => Out ?? Path.Combine("out", $"compare-{Source.Name}");

        /// <summary>The MLPs' learning curves need held-out rows: 0.1 of the training rows unless --validation-split says otherwise.</summary>
        protected override float? DefaultValidationSplit => MlpCandidate.DefaultValidationFraction;

        protected override void Check()
        {
            base.Check();
            if (WithTorchSharpText && Source.OptionalBaselines.Count == 0)
            {
                throw new UsageException($"--with-torchsharp-text: {Source.Name} has no optional baselines; imdb has.");
            }
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folder = OutputPath.Folder("--out", settings.OutPath);
        var mlContext = new MLContext(seed: settings.Seed);
        var data = settings.Source.Load(mlContext, settings.Request);
        AnsiConsole.MarkupLine(Announcement.Of(data));

        var outcome = RunWithProgress(mlContext, data, settings);
        var files = outcome.Write(folder);
        AnsiConsole.Write(ResultsTable(outcome.Result));
        AnsiConsole.WriteLine(string.Join(" ", ComparisonVerdict.Sentences(outcome.Result)));
        AnsiConsole.MarkupLineInterpolated($"Report: [link]{files.Markdown}[/], {files.Html}, {files.Csv}, {files.Json} and {files.Charts.Count} charts in {files.Directory}");
        return outcome.Result.Results.Any(r => r.Status == TrainerStatus.Completed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Runs the comparison with live progress bars on a terminal, and plain lines in logs and pipes.</summary>
    private static StudyOutcome<ComparisonResult> RunWithProgress(MLContext mlContext, LoadedData data, Settings settings)
    {
        ComparisonStudy Study(Action<string, MlpEpoch> onEpoch) => new(data.Dataset, new ComparisonOptions
        {
            Network = settings.Network,
            EpochCompleted = onEpoch,
            WithOptionalBaselines = settings.WithTorchSharpText,
        });

        StudyRunOptions Run(Action<string> progress) => new() { CommandLine = ProgramCommandLine.Current(), Seed = settings.Seed, Progress = progress };

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return Study((name, epoch) => AnsiConsole.WriteLine($"  {name} {epoch}")).Run(mlContext, data, Run(AnsiConsole.WriteLine));
        }

        StudyOutcome<ComparisonResult>? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var trainers = progress.AddTask("trainers");
                // Indeterminate: an MLP that stops early ends before its epoch budget.
                var mlp = progress.AddTask("MLP epochs").IsIndeterminate();
                var study = Study((name, epoch) => mlp.Description = Markup.Escape($"{name} {epoch}"));
                trainers.MaxValue = 2 + data.Dataset.Baselines.Count + (settings.WithTorchSharpText ? data.Dataset.OptionalBaselines.Count : 0);
                outcome = study.Run(mlContext, data, Run(line =>
                {
                    trainers.Description = Markup.Escape(line);
                    if (!line.EndsWith(": training", StringComparison.Ordinal))
                    {
                        trainers.Increment(1);
                    }
                }));
            });
        return outcome!;
    }

    private static Table ResultsTable(ComparisonResult result)
    {
        var table = new Table().AddColumns("trainer", "accuracy", "macro acc.", "log-loss (nats)", "train s", "rows/s", "model KiB", "status");
        foreach (var trainer in result.Results)
        {
            table.AddRow(
                Markup.Escape(trainer.Trainer), Format(trainer.MicroAccuracy, "F4"), Format(trainer.MacroAccuracy, "F4"), Format(trainer.LogLoss, "F4"),
                Format(trainer.TrainingSeconds, "F1"), Format(trainer.PredictionRowsPerSecond, "N0"), Format(trainer.ModelBytes / 1024.0, "N0"),
                Markup.Escape(trainer.StatusText));
        }

        return table;
    }

    private static string Format(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
