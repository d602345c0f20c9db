using System.ComponentModel;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Cli.Data;
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

        public override ValidationResult Validate() =>
            Model.Length == 0 || Data.Length == 0 ? ValidationResult.Error("Both --model and --data are required.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 1);
        var model = ModelFile.Load(mlContext, settings.Model, out var inputSchema);
        var kind = ModelInput.KindOf(inputSchema.Select(c => c.Name).ToList(), settings.Model);
        var predictions = model.Transform(DatasetSource.LoadTest(kind, settings.Data));
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
        return ExitCodes.Success;
    }

    private static void Add(Table table, string metric, double value) => table.AddRow(metric, value.ToString("F4", CultureInfo.InvariantCulture));
}
