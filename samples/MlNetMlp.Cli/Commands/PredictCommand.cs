using System.ComponentModel;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Data;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// <c>mlnetmlp predict --model model.zip --input PATH|-</c>: a saved model in a fresh process. MNIST models take a
/// PNG/JPEG/BMP image or an IDX images file; IMDb models take reviews, one per line, from a text file or from standard
/// input (<c>--input -</c>, or no <c>--input</c> when reviews are piped in). A model <c>.onnx</c> written by <c>export</c>
/// is scored by ONNX Runtime (through ML.NET's <c>ApplyOnnxModel</c>), the input read the same way by the columns the
/// graph reads.
/// </summary>
internal sealed class PredictCommand : Command<PredictCommand.Settings>
{
    public sealed class Settings : CheckedSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("A model .zip saved by train, or a .onnx written by export")]
        public string? Model { get; init; }

        [CommandOption("--input <PATH>")]
        [Description("MNIST: an image of a digit (PNG, JPEG, BMP) or an IDX images file. IMDb: a UTF-8 text file with one review per line, or - for standard input (the default when reviews are piped in)")]
        public string? Input { get; init; }

        [CommandOption("--max-rows <N>")]
        [Description("Print at most N predictions, at least 1")]
        [DefaultValue("20")]
        public string MaxRowsText { get; init; } = "20";

        public int MaxRows => OptionValue.Integer("--max-rows", MaxRowsText, minimum: 1)!.Value;

        protected override void Check()
        {
            if (string.IsNullOrEmpty(Model))
            {
                throw new UsageException("--model: required; expected a model .zip saved by 'mlnetmlp train' or a .onnx written by 'mlnetmlp export'.");
            }

            _ = MaxRows;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 1);
        var input = settings.Input ?? (System.Console.IsInputRedirected ? "-" : null);
        if (OnnxModelFile.IsOnnx(settings.Model!))
        {
            var onnxInput = Read(mlContext, ModelInput.DatasetOf(OnnxModelFile.InputNames(settings.Model!), settings.Model!), input);
            PredictionTable.Print(mlContext.Transforms.ApplyOnnxModel(settings.Model!).Fit(onnxInput.Rows).Transform(onnxInput.Rows), settings.MaxRows, onnxInput.Descriptions);
            return ExitCodes.Success;
        }

        var model = SavedModel.Load(mlContext, settings.Model!);
        var rows = Read(mlContext, model.Dataset, input);
        PredictionTable.Print(model.Transformer.Transform(rows.Rows), settings.MaxRows, rows.Descriptions);
        return ExitCodes.Success;
    }

    /// <summary>The rows to score, as the model's data set reads them; a missing input is a usage error naming --input.</summary>
    private static PredictionInput Read(MLContext mlContext, Experiments.Dataset dataset, string? input) =>
        OptionRules.Checked(() => dataset.ReadPredictionInput(mlContext, input), new Dictionary<string, string> { ["input"] = "--input" });
}
