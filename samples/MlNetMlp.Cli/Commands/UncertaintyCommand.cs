using System.ComponentModel;
using System.Diagnostics;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Data;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// <c>mlnetmlp uncertainty mnist|imdb</c>: how good the MLP's uncertainty is on the test data, for the plain network,
/// Monte Carlo dropout over it and a deep ensemble, and a report with the reliability diagram.
/// </summary>
internal sealed class UncertaintyCommand : Command<UncertaintyCommand.Settings>
{
    public sealed class Settings : StudySettings
    {
        [CommandOption("--samples <T>")]
        [Description("Stochastic passes of Monte Carlo dropout, at least 2 (default 50)")]
        [DefaultValue(UncertaintyStudyOptions.Defaults.MonteCarloSamples)]
        public int Samples { get; init; } = UncertaintyStudyOptions.Defaults.MonteCarloSamples;

        [CommandOption("--members <M>")]
        [Description("Members of the deep ensemble, at least 2 (default 5)")]
        [DefaultValue(UncertaintyStudyOptions.Defaults.EnsembleMembers)]
        public int Members { get; init; } = UncertaintyStudyOptions.Defaults.EnsembleMembers;

        protected override IReadOnlyList<string> Datasets => ["mnist", "imdb"];

        protected override void Check()
        {
            base.Check();
            if (Samples < 2)
            {
                throw new UsageException($"Expected --samples of at least 2: one pass has no spread. Received: {Samples}.");
            }

            if (Members < 2)
            {
                throw new UsageException($"Expected --members of at least 2: one network is no ensemble. Received: {Members}.");
            }
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var mlContext = new MLContext(seed: settings.Seed);
        var dataset = DatasetSource.Load(mlContext, settings.Kind, settings.Data, settings.Rows, settings.Seed);
        AnsiConsole.MarkupLine(dataset.Announcement);
        var options = new UncertaintyExperimentOptions
        {
            Epochs = settings.Epochs,
            MonteCarloSamples = settings.Samples,
            EnsembleMembers = settings.Members,
            Seed = settings.Seed,
            DataSource = dataset.Description.Source,
            Progress = line => AnsiConsole.WriteLine(line),
        };

        var uncertaintyDataset = settings.Kind == DatasetKind.Mnist ? UncertaintyDataset.Mnist : UncertaintyDataset.Imdb;
        var report = UncertaintyExperiment.Run(mlContext, uncertaintyDataset, dataset.Train, dataset.Test, options) with { CommandLine = ProgramCommandLine.Current() };
        var files = ReportWriter.Write(report, settings.Out ?? Path.Combine("out", $"uncertainty-{settings.Dataset.Trim().ToLowerInvariant()}"));
        AnsiConsole.MarkupLineInterpolated($"{report.Figures.Network}; {report.Figures.Training}");
        AnsiConsole.Write(UncertaintyTable.Of(report.Figures.Methods));
        AnsiConsole.MarkupLineInterpolated(
            $"The run took [bold]{StudyDuration.Format(report.StudySeconds)}[/] on {Environment.ProcessorCount} logical cores; {StudyDuration.Format(clock.Elapsed.TotalSeconds)} with reading the data and writing the report.");
        AnsiConsole.MarkupLineInterpolated($"Report: [link]{files.Markdown}[/], {files.Html}, {files.Csv}, {files.Json} and {files.Charts.Count} chart in {files.Directory}");
        return ExitCodes.Success;
    }
}
