using System.IO.Compression;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;
using SkiaSharp;

namespace MlNetMlp.Tests.Cli;

/// <summary>train, then predict and evaluate in fresh processes, and the exit codes of bad input.</summary>
[TestClass]
public sealed class ModelCommandsTests
{
    private static TemporaryDirectory s_directory = null!;
    private static string s_mnistModel = null!;

    [ClassInitialize]
    public static void TrainMnistModel(TestContext context)
    {
        s_directory = new TemporaryDirectory();
        s_mnistModel = TrainedModels.Mnist.Model;
        var result = TrainedModels.Mnist.Run;
        StringAssert.Contains(result.StandardOutput, "Epoch 5:", result.Transcript);
        StringAssert.Contains(result.StandardOutput, "test accuracy 0.9", result.Transcript);
    }

    /// <summary>The table rows of predict's output (row, label, probabilities), without the frame.</summary>
    private static List<string> PredictionRows(string output) =>
        [.. output.Split('\n').Where(line => line.Contains("0:0.", StringComparison.Ordinal) || line.Contains("0:1.", StringComparison.Ordinal)).Select(line => line.Trim())];

    [ClassCleanup]
    public static void RemoveFiles() => s_directory.Dispose();

    [TestMethod]
    public void Predict_IdxImagesFile_PrintsLabelsOfTheFirstTestDigits()
    {
        var images = TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz");

        var result = CliRunner.Run("predict", "--model", s_mnistModel, "--input", images, "--max-rows", "3");

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        // The real test set starts with the digits 7, 2, 1.
        var rows = result.StandardOutput.Split('\n').Where(line => line.Contains("0:0.", StringComparison.Ordinal)).ToList();
        Assert.HasCount(3, rows, result.Transcript);
        StringAssert.Matches(rows[0], new System.Text.RegularExpressions.Regex(@"│\s*0\s*│\s*7\s*│"));
        StringAssert.Matches(rows[1], new System.Text.RegularExpressions.Regex(@"│\s*1\s*│\s*2\s*│"));
        StringAssert.Matches(rows[2], new System.Text.RegularExpressions.Regex(@"│\s*2\s*│\s*1\s*│"));
    }

    [TestMethod]
    public void Predict_PngOfARealDigit_PrintsItsLabel()
    {
        var png = s_directory.File("seven.png");
        WritePng(FirstSevenOfTheSampleTestSplit(), png, blackOnWhite: true);

        var result = CliRunner.Run("predict", "--model", s_mnistModel, "--input", png);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        StringAssert.Matches(result.StandardOutput, new System.Text.RegularExpressions.Regex(@"│\s*0\s*│\s*7\s*│"), result.Transcript);
    }

    [TestMethod]
    public void Evaluate_RealTestSet_PrintsAccuracyAboveNinety()
    {
        var folder = Path.GetDirectoryName(TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz"))!;

        var result = CliRunner.Run("evaluate", "--model", s_mnistModel, "--data", folder);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        var accuracyLine = result.StandardOutput.Split('\n').Single(line => line.Contains("micro accuracy", StringComparison.Ordinal));
        var accuracy = double.Parse(accuracyLine.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(accuracy is > 0.88 and <= 1, result.Transcript);
    }

    [TestMethod]
    public void Export_MnistModel_WritesAnOnnxModelThatPredictsAsTheZip()
    {
        var images = TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz");
        var onnxPath = s_directory.File("mnist-model.onnx");

        var export = CliRunner.Run("export", "--model", s_mnistModel, "--onnx", onnxPath);
        var fromOnnx = CliRunner.Run("predict", "--model", onnxPath, "--input", images, "--max-rows", "10");
        var fromZip = CliRunner.Run("predict", "--model", s_mnistModel, "--input", images, "--max-rows", "10");

        Assert.AreEqual(0, export.ExitCode, export.Transcript);
        StringAssert.Contains(export.StandardOutput, "reads Pixels (Vector<Byte, 784>); gives Score, PredictedLabel", export.Transcript);
        using (var onnx = OnnxModel.Load(onnxPath))
        {
            CollectionAssert.AreEqual(new[] { "Pixels" }, onnx.InputNames.ToArray());
        }

        Assert.AreEqual(0, fromOnnx.ExitCode, fromOnnx.Transcript);
        var onnxRows = PredictionRows(fromOnnx.StandardOutput);
        Assert.HasCount(10, onnxRows, fromOnnx.Transcript);
        CollectionAssert.AreEqual(PredictionRows(fromZip.StandardOutput), onnxRows, $"{fromZip.Transcript}\n{fromOnnx.Transcript}");
    }

    [TestMethod]
    public void Export_ModelWithWordIndex_ExitsNotExportableAndWritesNoFile()
    {
        var mlContext = new Microsoft.ML.MLContext(seed: 1);
        var reviews = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 50));
        var options = MlNetMlp.Pipelines.ImdbPipeline.CreateMlpOptions(epochs: 1);
        var imdbModel = s_directory.File("imdb-model.zip");
        mlContext.Model.Save(MlNetMlp.Pipelines.ImdbPipeline.Create(mlContext, options).Fit(reviews), reviews.Schema, imdbModel);
        var onnxPath = s_directory.File("imdb-model.onnx");

        var result = CliRunner.Run("export", "--model", imdbModel, "--onnx", onnxPath);

        Assert.AreEqual(7, result.ExitCode, result.Transcript);
        // Spectre wraps stderr at the console width; the words are what matter.
        var error = System.Text.RegularExpressions.Regex.Replace(result.StandardError, @"\s+", " ");
        StringAssert.Contains(error, "WordIndex transformer (column 'WordIndices') cannot be exported to ONNX", result.Transcript);
        Assert.IsFalse(File.Exists(onnxPath), "no ONNX file is left behind");
        Assert.IsEmpty(Directory.GetFiles(s_directory.Path, "imdb-model.onnx*"), "no partial file is left behind");
    }

    [TestMethod]
    public void Predict_OnnxFileThatIsNotOnnx_ExitsBadModel()
    {
        var notOnnx = s_directory.File("not-a-model.onnx");
        File.WriteAllText(notOnnx, "not a protobuf");

        var result = CliRunner.Run("predict", "--model", notOnnx, "--input", "x.png");

        Assert.AreEqual(5, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardError, notOnnx, result.Transcript);
    }

    [TestMethod]
    public void Predict_MissingModel_ExitsNotFoundNamingThePath()
    {
        var result = CliRunner.Run("predict", "--model", "/nonexistent/model.zip", "--input", "x.png");

        Assert.AreEqual(4, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardError, "/nonexistent/model.zip", result.Transcript);
    }

    [TestMethod]
    public void Predict_CorruptModel_ExitsBadModel()
    {
        var corrupt = s_directory.File("corrupt.zip");
        var bytes = File.ReadAllBytes(s_mnistModel);
        File.WriteAllBytes(corrupt, bytes[..(bytes.Length / 3)]);

        var result = CliRunner.Run("predict", "--model", corrupt, "--input", "x.png");

        Assert.AreEqual(5, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardError, corrupt, result.Transcript);
    }

    [TestMethod]
    [DataRow("predict", "a changed byte")]
    [DataRow("evaluate", "a changed byte")]
    [DataRow("predict", "a directory")]
    [DataRow("predict", "an empty file")]
    [DataRow("predict", "a zip of notes")]
    [DataRow("evaluate", "a text file")]
    public void Command_ModelThatIsNotAModel_ExitsBadModelWithOneLineNamingThePath(string command, string kind)
    {
        var model = s_directory.File($"{command}-{kind.Replace(' ', '-')}.zip");
        switch (kind)
        {
            case "a changed byte":
                var bytes = File.ReadAllBytes(s_mnistModel);
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(model, bytes);
                break;
            case "a directory":
                Directory.CreateDirectory(model);
                break;
            case "an empty file":
                File.WriteAllBytes(model, []);
                break;
            case "a zip of notes":
                using (var zip = ZipFile.Open(model, ZipArchiveMode.Create))
                using (var writer = new StreamWriter(zip.CreateEntry("todo.txt").Open()))
                {
                    writer.Write("buy milk");
                }

                break;
            default:
                File.WriteAllText(model, "not a model\n");
                break;
        }

        var result = command == "predict"
            ? CliRunner.Run("predict", "--model", model, "--input", "x.png")
            : CliRunner.Run("evaluate", "--model", model, "--data", s_directory.Path);

        Assert.AreEqual(5, result.ExitCode, result.Transcript);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, result.Transcript);
        StringAssert.StartsWith(lines[0], $"bad model: Model file '{model}' is not a readable ML.NET model: ", result.Transcript);
    }

    [TestMethod]
    public void Predict_TextFileForAnImageModel_ExitsBadInput()
    {
        var text = s_directory.File("notes.txt");
        File.WriteAllText(text, "not an image");

        var result = CliRunner.Run("predict", "--model", s_mnistModel, "--input", text);

        Assert.AreEqual(6, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardError, "notes.txt", result.Transcript);
    }

    [TestMethod]
    public void Compare_UnknownDataset_ExitsUsage()
    {
        var result = CliRunner.Run("compare", "cifar");

        Assert.AreEqual(2, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardError, "mnist or imdb", result.Transcript);
    }

    [TestMethod]
    public void Compare_MissingDataFolder_ExitsNotFound()
    {
        var result = CliRunner.Run("compare", "mnist", "--data", "/nonexistent/mnist");

        Assert.AreEqual(4, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardError, "/nonexistent/mnist", result.Transcript);
    }

    [TestMethod]
    public void TrainImdb_ThenPredictFromStdin_ClassifiesAClearlyPositiveReview()
    {
        var model = TrainedModels.Imdb.Model;

        var positive = CliRunner.RunWithInput("A wonderful, brilliant film. The acting is superb and the story is beautiful; one of the best movies I have seen, I loved it.",
            "predict", "--model", model);
        var negative = CliRunner.RunWithInput("The worst movie ever made. Boring, stupid and awful; a waste of time with terrible acting. Avoid it.",
            "predict", "--model", model);

        Assert.AreEqual(0, positive.ExitCode, positive.Transcript);
        StringAssert.Contains(positive.StandardOutput, "positive", positive.Transcript);
        Assert.AreEqual(0, negative.ExitCode, negative.Transcript);
        StringAssert.Contains(negative.StandardOutput, "negative", negative.Transcript);
    }

    /// <summary>A real digit the model did not train on: the first 7 of the embedded sample's test split (key 8).</summary>
    private static byte[] FirstSevenOfTheSampleTestSplit()
    {
        var sample = MnistSample.Load(DataSplit.Test);
        var pixelsColumn = sample.Schema[MnistDataset.PixelsColumnName];
        var labelColumn = sample.Schema[MnistDataset.LabelColumnName];
        using var cursor = sample.GetRowCursor([pixelsColumn, labelColumn]);
        var pixelsGetter = cursor.GetGetter<Microsoft.ML.Data.VBuffer<byte>>(pixelsColumn);
        var labelGetter = cursor.GetGetter<uint>(labelColumn);
        var pixels = default(Microsoft.ML.Data.VBuffer<byte>);
        var label = 0u;
        while (cursor.MoveNext())
        {
            labelGetter(ref label);
            if (label == 8)
            {
                pixelsGetter(ref pixels);
                return pixels.DenseValues().ToArray();
            }
        }

        throw new InvalidOperationException("The sample's test split holds no 7.");
    }

    /// <summary>Writes the digit as a 56x56 PNG, black ink on white paper, as a user's drawing would be.</summary>
    private static void WritePng(byte[] pixels, string path, bool blackOnWhite)
    {
        using var bitmap = new SKBitmap(56, 56);
        for (var y = 0; y < 56; y++)
        {
            for (var x = 0; x < 56; x++)
            {
                var value = pixels[(y / 2) * 28 + x / 2];
                var gray = blackOnWhite ? (byte)(255 - value) : value;
                bitmap.SetPixel(x, y, new SKColor(gray, gray, gray));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
