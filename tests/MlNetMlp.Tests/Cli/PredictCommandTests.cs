using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;
using SkiaSharp;

namespace MlNetMlp.Tests.Cli;

/// <summary><c>mlnetmlp predict</c>: reviews one per line, binary files refused as reviews, and models it cannot use refused by name.</summary>
[TestClass]
public sealed class PredictCommandTests
{
    [TestMethod]
    public void Predict_ImdbModel_ReviewsOnSeveralLinesOfStdin_OnePredictionPerLine()
    {
        const string reviews = """
            A wonderful, brilliant film. The acting is superb and the story is beautiful; one of the best movies I have seen, I loved it.

            The worst movie ever made. Boring, stupid and awful; a waste of time with terrible acting. Avoid it.
            An excellent, moving and funny film with a great cast. Highly recommended, a masterpiece.
            """;

        var result = CliRunner.RunWithInput(reviews, "predict", "--model", TrainedModels.Imdb.Model);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        var rows = result.StandardOutput.Split('\n').Where(line => line.Contains("│ line ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(3, rows, result.Transcript);
        StringAssert.Matches(rows[0], new Regex(@"│\s*0\s*│\s*positive\s*│.*│ line 1: A wonderful, brilliant film\."));
        StringAssert.Matches(rows[1], new Regex(@"│\s*1\s*│\s*negative\s*│.*│ line 3: The worst movie ever made\."));
        StringAssert.Matches(rows[2], new Regex(@"│\s*2\s*│\s*positive\s*│.*│ line 4: An excellent, moving and funny film"));
    }

    [TestMethod]
    [DataRow("digit.png")]
    [DataRow("t10k-images-idx3-ubyte.gz")]
    [DataRow("t10k-images-idx3-ubyte")]
    public void Predict_ImdbModel_BinaryFileAsReviews_ExitsBadInputNamingTheFile(string name)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File(name);
        var images = TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz");
        switch (name)
        {
            case "digit.png":
                WritePng(path);
                break;
            case "t10k-images-idx3-ubyte.gz":
                File.Copy(images, path);
                break;
            default:
                using (var gzip = new System.IO.Compression.GZipStream(File.OpenRead(images), System.IO.Compression.CompressionMode.Decompress))
                using (var plain = File.Create(path))
                {
                    gzip.CopyTo(plain);
                }

                break;
        }

        var result = CliRunner.Run("predict", "--model", TrainedModels.Imdb.Model, "--input", path);

        Assert.AreEqual(6, result.ExitCode, result.Transcript);
        StringAssert.StartsWith(result.StandardError, $"bad input: Input '{path}' is not ", result.Transcript);
        StringAssert.Contains(result.StandardError, "expected UTF-8 text with one review per line", result.Transcript);
    }

    [TestMethod]
    public void Predict_MnistModelWithoutInput_ExitsUsageNamingInput()
    {
        var result = CliRunner.Run("predict", "--model", TrainedModels.Mnist.Model);

        Assert.AreEqual(2, result.ExitCode, result.Transcript);
        StringAssert.StartsWith(result.StandardError, "usage: --input: an MNIST model needs an image of a digit", result.Transcript);
    }

    [TestMethod]
    [DataRow("predict")]
    [DataRow("evaluate")]
    public void Command_PlainMlNetModelWithoutMlNetMlpComponents_ExitsBadModelWithTheDocumentedMessage(string command)
    {
        using var directory = new TemporaryDirectory();
        var mlContext = new MLContext(seed: 1);
        var digits = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 50);
        var plain = mlContext.Transforms.Conversion.ConvertType("Features", MnistDataset.PixelsColumnName, DataKind.Single).Fit(digits);
        var model = directory.File("plain.zip");
        mlContext.Model.Save(plain, digits.Schema, model);
        var images = TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz");

        var result = command == "predict"
            ? CliRunner.Run("predict", "--model", model, "--input", images)
            : CliRunner.Run("evaluate", "--model", model, "--data", Path.GetDirectoryName(images)!);

        Assert.AreEqual(5, result.ExitCode, result.Transcript);
        Assert.AreEqual(
            $"bad model: Model file '{model}' is an ML.NET model without MlNetMlp components (its steps: TypeConvertingTransformer); mlnetmlp predicts " +
            "and evaluates with models saved by 'mlnetmlp train' or by a pipeline with an MlNetMlp transform or MLP. Load other ML.NET models with mlContext.Model.Load.",
            result.StandardError.Trim(), result.Transcript);
    }

    private static void WritePng(string path)
    {
        using var bitmap = new SKBitmap(28, 28);
        bitmap.Erase(SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
