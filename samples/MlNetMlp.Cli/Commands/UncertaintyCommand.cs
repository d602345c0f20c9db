using System.ComponentModel;
using System.Diagnostics;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// <c>mlnetmlp uncertainty &lt;dataset&gt;</c>: how good the MLP's uncertainty is on the test data, for the plain network,
/// Monte Carlo dropout over it and a deep ensemble, and a report with the reliability diagram.
/// </summary>
internal sealed class UncertaintyCommand : Command<UncertaintyCommand.Settings>
{
    public sealed class Settings : StudySettings
    {
        [CommandOption("--samples <T>")]
        [Description("Stochastic passes of Monte Carlo dropout, at least 2 (default 50)")]
        [DefaultValue(UncertaintyMethodsOptions.Defaults.MonteCarloSamples)]
        public int Samples { get; init; } = UncertaintyMethodsOptions.Defaults.MonteCarloSamples;

        [CommandOption("--members <M>")]
        [Description("Members of the deep ensemble, at least 2 (default 5)")]
        [DefaultValue(UncertaintyMethodsOptions.Defaults.EnsembleMembers)]
        public int Members { get; init; } = UncertaintyMethodsOptions.Defaults.EnsembleMembers;

        /// <summary>The study these options describe, its rules checked by the library.</summary>
        public UncertaintyStudy Study() => OptionRules.Checked(
            () => new UncertaintyStudy(Source, new UncertaintyStudyOptions { Epochs = Epochs, MonteCarloSamples = Samples, EnsembleMembers = Members, Seed = Seed }),
            new Dictionary<string, string>
            {
                [nameof(UncertaintyStudyOptions.Epochs)] = "--epochs",
                [nameof(UncertaintyStudyOptions.MonteCarloSamples)] = "--samples",
                [nameof(UncertaintyStudyOptions.EnsembleMembers)] = "--members",
            });

        protected override void Check()
        {
            base.Check();
            _ = Study();
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
        var files = outcome.Write(settings.Out ?? Path.Combine("out", $"uncertainty-{settings.Source.Name}"));
        var figures = outcome.Result.Figures;
        AnsiConsole.MarkupLineInterpolated($"{figures.Network}; {figures.Training}");
        AnsiConsole.Write(UncertaintyTable.Of(figures.Methods));
        AnsiConsole.MarkupLineInterpolated(
            $"The run took [bold]{StudyDuration.Format(outcome.Context.StudySeconds)}[/] on {Environment.ProcessorCount} logical cores; {StudyDuration.Format(clock.Elapsed.TotalSeconds)} with reading the data and writing the report.");
        AnsiConsole.MarkupLineInterpolated($"Report: [link]{files.Markdown}[/], {files.Html}, {files.Csv}, {files.Json} and {files.Charts.Count} chart in {files.Directory}");
        return ExitCodes.Success;
    }
}
