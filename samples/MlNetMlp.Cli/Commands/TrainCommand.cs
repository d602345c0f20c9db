using System.ComponentModel;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Cli.Data;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using MlNetMlp.Pipelines;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// <c>mlnetmlp train &lt;dataset&gt;</c>: fits the recipe, shaped by the network options, reports test accuracy, saves the model
/// .zip and, beside it, its learning curves as a PNG and a CSV.
/// </summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : NetworkSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("Where to save the model .zip; default: out/<dataset>-model.zip. The learning curves go beside it as <name>-history.png and .csv")]
        public string? Model { get; init; }

        public string ModelPath => Model ?? Path.Combine("out", $"{Source.Name}-model.zip");

        /// <summary>Without --validation-split, train as the recipe does: on every training row, with training curves only.</summary>
        protected override float? DefaultValidationSplit => null;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var modelPath = OutputPath.File("--model", settings.ModelPath);
        var stem = Path.Combine(Path.GetDirectoryName(modelPath)!, Path.GetFileNameWithoutExtension(modelPath));
        var historyPng = OutputPath.File("--model", stem + "-history.png");
        var historyCsv = OutputPath.File("--model", stem + "-history.csv");

        var mlContext = new MLContext(seed: settings.Seed);
        var dataset = settings.Source.Load(mlContext, settings.Request);
        var options = settings.Network();
        options.Progress = epoch => AnsiConsole.WriteLine(epoch.ToString());
        var pipeline = dataset.Dataset.CreateRecipe(mlContext, options);

        AnsiConsole.MarkupLineInterpolated($"Training on {dataset.Description.TrainRows:N0} rows of {dataset.Description.Name}: {string.Join(", ", options.GetHiddenLayers())}, {options.Optimizer}, learning rate {options.LearningRate.ToString(CultureInfo.InvariantCulture)}, batch {options.BatchSize}");
        var model = (TransformerChain<MlpTransformer>)pipeline.Fit(dataset.Train);
        var (metric, value) = TaskMetrics.Headline(mlContext, dataset.Dataset.Task, model.Transform(dataset.Test), dataset.Dataset.LabelColumnName);
        AnsiConsole.WriteLine($"test {metric} {value.ToString("F4", CultureInfo.InvariantCulture)} on {dataset.Description.TestRows:N0} rows");

        mlContext.Model.Save(model, dataset.Train.Schema, modelPath);
        AnsiConsole.WriteLine($"model saved to {settings.ModelPath} ({new FileInfo(modelPath).Length:N0} bytes)");
        var mlp = model.LastTransformer.Model;
        TrainingHistoryFiles.Write(mlp, $"{dataset.Description.Name} {Architecture(mlp)}", historyPng, historyCsv);
        AnsiConsole.WriteLine($"learning curves: {historyPng}, {historyCsv}");
        return ExitCodes.Success;
    }

    private static string Architecture(MlpModel mlp) =>
        string.Join('-', [mlp.InputSize, .. mlp.HiddenLayers.OfType<DenseLayer>().Select(layer => layer.Units), mlp.OutputSize]);
}
