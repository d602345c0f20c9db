using System.ComponentModel;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Data;
using MlNetMlp.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// <c>mlnetmlp predict --model model.zip --input PATH|-</c>: a saved model in a fresh process. MNIST models take
/// a PNG/JPEG/BMP image or an IDX images file; IMDb models take a text file as one review, or read it from stdin
/// when <c>--input</c> is left out (or given as <c>--input=-</c>). A model <c>.onnx</c> written by <c>export</c> is scored by
/// ONNX Runtime (through ML.NET's <c>ApplyOnnxModel</c>), the input read the same way by the columns the graph reads.
/// </summary>
internal sealed class PredictCommand : Command<PredictCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("A model .zip saved by train, or a .onnx written by export")]
        public string Model { get; init; } = "";

        [CommandOption("--input <PATH>")]
        [Description("MNIST: an image or an IDX images file. IMDb: a text file with one review; stdin when left out")]
        public string Input { get; init; } = "-";

        [CommandOption("--max-rows <N>")]
        [Description("Print at most N predictions")]
        [DefaultValue(20)]
        public int MaxRows { get; init; } = 20;

        public override ValidationResult Validate() =>
            Model.Length == 0 ? ValidationResult.Error("--model is required.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 1);
        if (OnnxModelFile.IsOnnx(settings.Model))
        {
            var inputs = OnnxModelFile.InputNames(settings.Model);
            var onnxInput = Read(mlContext, ModelInput.KindOf(inputs, settings.Model), settings.Input);
            PredictionTable.Print(mlContext.Transforms.ApplyOnnxModel(settings.Model).Fit(onnxInput).Transform(onnxInput), settings.MaxRows);
            return ExitCodes.Success;
        }

        var model = ModelFile.Load(mlContext, settings.Model, out var inputSchema);
        var input = Read(mlContext, ModelInput.KindOf(inputSchema.Select(c => c.Name).ToList(), settings.Model), settings.Input);
        PredictionTable.Print(model.Transform(input), settings.MaxRows);
        return ExitCodes.Success;
    }

    private static IDataView Read(MLContext mlContext, DatasetKind kind, string path) =>
        kind == DatasetKind.Mnist ? ReadImages(mlContext, path) : ReadReview(mlContext, path);

    private static IDataView ReadImages(MLContext mlContext, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(path == "-"
                ? "An MNIST model needs --input: an image of a digit or an IDX images file."
                : $"Input '{path}' does not exist; expected an image of a digit or an IDX images file.", path);
        }

        return IsIdx(path) ? MnistDataset.LoadImages(path) : DigitImage.ToDataView(mlContext, [DigitImage.ReadPixels(path)]);
    }

    private static IDataView ReadReview(MLContext mlContext, string path)
    {
        if (path != "-" && !File.Exists(path))
        {
            throw new FileNotFoundException($"Input '{path}' does not exist; expected a text file with one review (or no --input, to read stdin).", path);
        }

        var text = path == "-" ? System.Console.In.ReadToEnd() : File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException(path == "-" ? "Standard input holds no text to classify." : $"Input '{path}' holds no text to classify.");
        }

        return mlContext.Data.LoadFromEnumerable([new ReviewRow { Text = text }]);
    }

    /// <summary>IDX image files start with the magic number 2051 (gzip is checked by the reader itself).</summary>
    private static bool IsIdx(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        var read = file.Read(head);
        var gzip = read >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        return gzip || (read == 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] == 3);
    }

    private sealed class ReviewRow
    {
        public string Text { get; set; } = "";
    }
}
