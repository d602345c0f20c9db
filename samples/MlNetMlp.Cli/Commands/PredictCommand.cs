using System.ComponentModel;
using Microsoft.ML;
using MlNetMlp.Cli.Console;
using MlNetMlp.Cli.Data;
using MlNetMlp.Cli.Options;
using MlNetMlp.Datasets;
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
            var kind = ModelInput.KindOf(OnnxModelFile.InputNames(settings.Model!), settings.Model!);
            var (onnxInput, inputs) = Read(mlContext, kind, input);
            PredictionTable.Print(mlContext.Transforms.ApplyOnnxModel(settings.Model!).Fit(onnxInput).Transform(onnxInput), settings.MaxRows, inputs);
            return ExitCodes.Success;
        }

        var model = SavedModel.Load(mlContext, settings.Model!);
        var (rows, descriptions) = Read(mlContext, model.Kind, input);
        PredictionTable.Print(model.Transformer.Transform(rows), settings.MaxRows, descriptions);
        return ExitCodes.Success;
    }

    /// <summary>The rows to score and, for reviews, each one's line and start to print beside its prediction.</summary>
    private static (IDataView Rows, IReadOnlyList<string>? Inputs) Read(MLContext mlContext, DatasetKind kind, string? input)
    {
        if (kind == DatasetKind.Mnist)
        {
            return (ReadImages(mlContext, input), null);
        }

        if (input is null)
        {
            throw new UsageException("--input: expected a text file with one review per line, or - to read the reviews from standard input.");
        }

        using var stream = input == "-" ? System.Console.OpenStandardInput() : OpenInput(input, "a text file with one review per line (or - for standard input)");
        var reviews = ReviewLines.Read(stream, input == "-" ? "Standard input" : $"Input '{input}'");
        var rows = mlContext.Data.LoadFromEnumerable(reviews.Select(review => new ReviewRow { Text = review.Text }));
        return (rows, [.. reviews.Select(review => $"line {review.Line}: {Excerpt(review.Text)}")]);
    }

    private static IDataView ReadImages(MLContext mlContext, string? path)
    {
        if (path is null or "-")
        {
            throw new UsageException("--input: an MNIST model needs an image of a digit (PNG, JPEG, BMP) or an IDX images file.");
        }

        OpenInput(path, "an image of a digit or an IDX images file").Dispose();
        return IsIdx(path) ? MnistDataset.LoadImages(path) : DigitImage.ToDataView(mlContext, [DigitImage.ReadPixels(path)]);
    }

    private static FileStream OpenInput(string path, string expected) => File.Exists(path)
        ? File.OpenRead(path)
        : throw new FileNotFoundException($"Input '{path}' does not exist; expected {expected}.", path);

    /// <summary>IDX image files start with the magic number 2051 (gzip is checked by the reader itself).</summary>
    private static bool IsIdx(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        var read = file.Read(head);
        var gzip = read >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        return gzip || (read == 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] == 3);
    }

    /// <summary>The start of a review, so the reader can tell which prediction is whose.</summary>
    private static string Excerpt(string text)
    {
        const int length = 48;
        var line = text.Trim();
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length).TrimEnd(), "…");
    }

    private sealed class ReviewRow
    {
        public string Text { get; set; } = "";
    }
}
