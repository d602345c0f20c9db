using System.ComponentModel;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Cli.Data;
using MlNetMlp.Pipelines;
using MlNetMlp.Trainers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary><c>mlnetmlp train mnist|imdb</c>: fits the ready recipe, reports test accuracy, saves the model .zip.</summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : DatasetSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("Where to save the model .zip; default: out/<dataset>-model.zip")]
        public string? Model { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: settings.Seed);
        var dataset = DatasetSource.Load(mlContext, settings.Kind, settings.Data, settings.Rows, settings.Seed);
        var options = settings.Kind == DatasetKind.Mnist
            ? MnistPipeline.CreateMlpOptions(settings.Epochs ?? MnistPipeline.DefaultEpochs)
            : ImdbPipeline.CreateMlpOptions(settings.Epochs ?? ImdbPipeline.DefaultEpochs);
        options.Seed = settings.Seed;
        options.Progress = epoch => AnsiConsole.WriteLine(epoch.ToString());
        var pipeline = settings.Kind == DatasetKind.Mnist ? MnistPipeline.Create(mlContext, options) : ImdbPipeline.Create(mlContext, options);

        AnsiConsole.MarkupLineInterpolated($"Training on {dataset.Description.TrainRows:N0} rows of {dataset.Description.Name}");
        var model = pipeline.Fit(dataset.Train);
        var accuracy = TestAccuracy(mlContext, settings.Kind, model.Transform(dataset.Test));
        AnsiConsole.WriteLine($"test accuracy {accuracy.ToString("F4", CultureInfo.InvariantCulture)} on {dataset.Description.TestRows:N0} rows");

        var path = settings.Model ?? Path.Combine("out", $"{settings.Dataset.ToLowerInvariant()}-model.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        mlContext.Model.Save(model, dataset.Train.Schema, path);
        AnsiConsole.WriteLine($"model saved to {path} ({new FileInfo(path).Length:N0} bytes)");
        return ExitCodes.Success;
    }

    private static double TestAccuracy(MLContext mlContext, DatasetKind kind, IDataView predictions) => kind == DatasetKind.Mnist
        ? mlContext.MulticlassClassification.Evaluate(predictions).MicroAccuracy
        : mlContext.BinaryClassification.Evaluate(predictions).Accuracy;
}
