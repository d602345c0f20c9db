using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using MlNetMlp.Pipelines;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// <c>mlnetmlp regularization imdb</c>: the course's regularization study (original, smaller, bigger, L2, dropout and
/// more) on IMDb, its curves beside the book's, and a report.
/// </summary>
internal sealed class RegularizationCommand : Command<RegularizationCommand.Settings>
{
    public sealed class Settings : StudySettings
    {
        [CommandOption("--models <LIST>")]
        [Description("Comma-separated networks: original, smaller, bigger, l2, dropout (the book's five, the default), l1, l1-l2, early-stopping; or all")]
        public string? Models { get; init; }

        [CommandOption("--validation <KIND>")]
        [Description("test: validate on the test reviews, as the book does (default); split: on 10,000 training reviews held out at random, the test reviews touched once at the end")]
        [DefaultValue("test")]
        public string Validation { get; init; } = "test";

        [CommandOption("--validation-rows <N>")]
        [Description("Training reviews held out with --validation split (default 10,000)")]
        public int? ValidationRows { get; init; }

        [CommandOption("--uncertainty")]
        [Description("Also measure the dropout network's uncertainty on the test reviews: plain, Monte Carlo dropout (50 passes) and a deep ensemble of 5, which trains 5 more networks")]
        public bool Uncertainty { get; init; }

        protected override IReadOnlyList<string> Datasets => ["imdb"];

        public IReadOnlyList<RegularizationModel> ModelList => Models is null ? RegularizationModels.Book : ParseModels(Models);

        public RegularizationValidation ValidationKind => Validation.Trim().ToLowerInvariant() == "split" ? RegularizationValidation.Split : RegularizationValidation.Test;

        protected override void Check()
        {
            base.Check();
            if (Validation.Trim().ToLowerInvariant() is not ("test" or "split"))
            {
                throw new UsageException($"Expected --validation test or split. Received: '{Validation}'.");
            }

            if (ValidationRows is { } rows && ValidationKind != RegularizationValidation.Split)
            {
                throw new UsageException($"Expected --validation-rows with --validation split. Received: {rows} with --validation {Validation}.");
            }

            try
            {
                _ = ModelList;
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }

            _ = Study();
        }

        /// <summary>The study these options describe, its rules checked by the library.</summary>
        public RegularizationStudy Study() => OptionRules.Checked(() => new RegularizationStudy(new RegularizationStudyOptions
        {
            Models = ModelList,
            Epochs = Epochs ?? RegularizationStudyOptions.Defaults.Epochs,
            Validation = ValidationKind,
            ValidationRows = ValidationRows ?? RegularizationStudyOptions.Defaults.ValidationRows,
            Seed = Seed,
            Uncertainty = Uncertainty,
            EpochCompleted = (model, epoch) => AnsiConsole.WriteLine($"  {RegularizationModels.Describe(model)}: {epoch}"),
        }), new Dictionary<string, string>
        {
            [nameof(RegularizationStudyOptions.Epochs)] = "--epochs",
            [nameof(RegularizationStudyOptions.ValidationRows)] = "--validation-rows",
            [nameof(RegularizationStudyOptions.Models)] = "--models",
        });

        private static IReadOnlyList<RegularizationModel> ParseModels(string list)
        {
            var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 1 && names[0].Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                return Enum.GetValues<RegularizationModel>();
            }

            var models = names.Select(name => name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
            {
                "original" => RegularizationModel.Original,
                "smaller" => RegularizationModel.Smaller,
                "bigger" => RegularizationModel.Bigger,
                "l2" => RegularizationModel.L2,
                "dropout" => RegularizationModel.Dropout,
                "l1" => RegularizationModel.L1,
                "l1l2" => RegularizationModel.L1L2,
                "earlystopping" => RegularizationModel.EarlyStopping,
                _ => throw new FormatException(
                    $"Expected --models among original, smaller, bigger, l2, dropout, l1, l1-l2, early-stopping, or all. Received: '{name}'."),
            }).ToList();
            return models.Count == 0 || models.Distinct().Count() != models.Count
                ? throw new FormatException($"Expected --models to name each network once. Received: '{list}'.")
                : models;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var study = settings.Study();
        var mlContext = new MLContext(seed: settings.Seed);
        var data = settings.Source.Load(mlContext, settings.Request);
        AnsiConsole.MarkupLine(Announcement.Of(data));
        var outcome = study.Run(mlContext, data, new StudyRunOptions { CommandLine = ProgramCommandLine.Current(), Seed = settings.Seed, Progress = AnsiConsole.WriteLine });
        var files = outcome.Write(settings.Out ?? Path.Combine("out", "regularization-imdb"));
        var result = outcome.Result;
        AnsiConsole.Write(ResultsTable(result));
        foreach (var conclusion in result.Conclusions.Where(c => c.OursWithoutPenalty is not null))
        {
            var check = conclusion.OursWithoutPenalty!;
            AnsiConsole.MarkupLine($"{(check.Holds ? "[green]holds[/]" : "[red]does not hold[/]")}: {Markup.Escape(conclusion.Claim)} ({Markup.Escape(check.Evidence)})");
        }

        if (result.Uncertainty is { } uncertainty)
        {
            AnsiConsole.MarkupLineInterpolated($"Uncertainty of {uncertainty.Network} on the test reviews:");
            AnsiConsole.Write(UncertaintyTable.Of(uncertainty.Methods));
        }

        AnsiConsole.MarkupLineInterpolated(
            $"The study took [bold]{StudyDuration.Format(outcome.Context.StudySeconds)}[/] ({result.Results.Count} networks, {result.Protocol.Epochs} epochs, {result.Data.TrainRows:N0} training reviews, {Environment.ProcessorCount} logical cores); {StudyDuration.Format(clock.Elapsed.TotalSeconds)} with reading the data and writing the report.");
        AnsiConsole.MarkupLineInterpolated($"Report: [link]{files.Markdown}[/], {files.Html}, {files.Csv}, {string.Join(", ", files.ExtraCsv)}, {files.Json} and {files.Charts.Count} charts in {files.Directory}");
        return ExitCodes.Success;
    }

    private static Table ResultsTable(RegularizationResult report)
    {
        var table = new Table().AddColumns("network", "params", "best epoch", "best val loss", "final val loss", "final val loss + penalty", "final val acc", "test acc", "train s");
        foreach (var r in report.Results)
        {
            table.AddRow(
                Markup.Escape(r.Name), r.Parameters.ToString("N0", CultureInfo.InvariantCulture), r.BestEpoch.ToString(CultureInfo.InvariantCulture),
                F4(r.BestValidationLoss), F4(r.FinalValidationLoss), F4(r.FinalValidationLossWithPenalty), F4(r.FinalValidationAccuracy), F4(r.TestAccuracy),
                r.TrainingSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string F4(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
