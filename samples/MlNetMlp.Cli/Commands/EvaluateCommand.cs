using System.ComponentModel;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Data;
using MlNetMlp.Experiments.Uncertainty;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary><c>mlnetmlp evaluate --model model.zip --data PATH</c>: a saved model's metrics on a data set's test part.</summary>
internal sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("A model .zip saved by train")]
        public string Model { get; init; } = "";

        [CommandOption("--data <PATH>")]
        [Description("MNIST: a folder of IDX files (t10k-* is used). IMDb: the aclImdb folder or .tar.gz (test/ is used)")]
        public string Data { get; init; } = "";

        [CommandOption("--samples <T>")]
        [Description("Stochastic passes of Monte Carlo dropout for a network with dropout, at least 2 (default 50)")]
        [DefaultValue(UncertaintyStudyOptions.Defaults.MonteCarloSamples)]
        public int Samples { get; init; } = UncertaintyStudyOptions.Defaults.MonteCarloSamples;

        public override ValidationResult Validate()
        {
            if (Model.Length == 0 || Data.Length == 0)
            {
                return ValidationResult.Error("Both --model and --data are required.");
            }

            return Samples < 2 ? ValidationResult.Error($"Expected --samples of at least 2: one pass has no spread. Received: {Samples}.") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 1);
        var model = ModelFile.Load(mlContext, settings.Model, out var inputSchema);
        var kind = ModelInput.KindOf(inputSchema.Select(c => c.Name).ToList(), settings.Model);
        var test = DatasetSource.LoadTest(kind, settings.Data);
        var predictions = model.Transform(test);
        var table = new Table().AddColumns("metric", "value");
        if (kind == DatasetKind.Mnist)
        {
            var metrics = mlContext.MulticlassClassification.Evaluate(predictions);
            Add(table, "micro accuracy", metrics.MicroAccuracy);
            Add(table, "macro accuracy", metrics.MacroAccuracy);
            Add(table, "log-loss", metrics.LogLoss);
        }
        else
        {
            var metrics = mlContext.BinaryClassification.Evaluate(predictions);
            Add(table, "accuracy", metrics.Accuracy);
            Add(table, "AUC", metrics.AreaUnderRocCurve);
            Add(table, "F1", metrics.F1Score);
            Add(table, "log-loss", metrics.LogLoss);
        }

        AnsiConsole.Write(table);
        PrintUncertainty(model, test, settings.Samples);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The uncertainty figures of the model's MLP, and of Monte Carlo dropout over it when the network has dropout: how
    /// calibrated its probabilities are and how well their entropy tells wrong predictions from right ones.
    /// </summary>
    private static void PrintUncertainty(ITransformer model, IDataView test, int samples)
    {
        var methods = UncertaintyStudy.Measure(model, test, samples, seed: 1);
        AnsiConsole.WriteLine(methods.Count > 1
            ? $"Uncertainty: the MLP's output, and Monte Carlo dropout over {samples} passes with dropout left on (uncertainty = predictive entropy)"
            : "Uncertainty of the MLP's output (uncertainty = predictive entropy); the network has no dropout layer, so Monte Carlo dropout does not apply");
        AnsiConsole.Write(UncertaintyTable.Of(methods));
    }

    private static void Add(Table table, string metric, double value) => table.AddRow(metric, value.ToString("F4", CultureInfo.InvariantCulture));
}
