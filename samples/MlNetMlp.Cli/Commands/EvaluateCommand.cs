using System.ComponentModel;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Data;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary><c>mlnetmlp evaluate --model model.zip --data PATH</c>: a saved model's metrics on a data set's test part (only that part is read).</summary>
internal sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : CheckedSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("A model .zip saved by train")]
        public string? Model { get; init; }

        [CommandOption("--data <PATH>")]
        [Description("MNIST: a folder with the t10k-* IDX files. IMDb: the aclImdb folder, its .tar.gz, or a CSV/TSV of text and label. Only the test part is read, so it may be all there is")]
        public string? Data { get; init; }

        [CommandOption("--samples <T>")]
        [Description("Stochastic passes of Monte Carlo dropout for a network with dropout, at least 2 (default 50)")]
        [DefaultValue("50")]
        public string SamplesText { get; init; } = UncertaintyMethodsOptions.Defaults.MonteCarloSamples.ToString(CultureInfo.InvariantCulture);

        public int Samples => OptionValue.Integer("--samples", SamplesText, minimum: 2)!.Value;

        protected override void Check()
        {
            if (string.IsNullOrEmpty(Model))
            {
                throw new UsageException("--model: required; expected a model .zip saved by 'mlnetmlp train'.");
            }

            if (string.IsNullOrEmpty(Data))
            {
                throw new UsageException("--data: required; expected the data set whose test part to evaluate on (an MNIST folder, or the IMDb folder or archive).");
            }

            _ = Samples;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 1);
        var model = SavedModel.Load(mlContext, settings.Model!);
        var test = model.Dataset.LoadTest(mlContext, settings.Data!);
        var predictions = model.Transformer.Transform(test);
        var table = new Table().AddColumns("metric", "value");
        foreach (var (metric, value) in TaskMetrics.All(mlContext, model.Dataset.Task, predictions, model.Dataset.LabelColumnName))
        {
            table.AddRow(metric, value.ToString("F4", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        PrintUncertainty(model.Transformer, test, settings.Samples);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The uncertainty figures of the model's MLP, and of Monte Carlo dropout over it when the network has dropout: how
    /// calibrated its probabilities are and how well their entropy tells wrong predictions from right ones.
    /// </summary>
    private static void PrintUncertainty(ITransformer model, IDataView test, int samples)
    {
        var methods = UncertaintyMethods.Measure(model, test, samples, seed: 1);
        AnsiConsole.WriteLine(methods.Count > 1
            ? $"Uncertainty: the MLP's output, and Monte Carlo dropout over {samples} passes with dropout left on (uncertainty = predictive entropy)"
            : "Uncertainty of the MLP's output (uncertainty = predictive entropy); the network has no dropout layer, so Monte Carlo dropout does not apply");
        AnsiConsole.Write(UncertaintyTable.Of(methods));
    }

}
