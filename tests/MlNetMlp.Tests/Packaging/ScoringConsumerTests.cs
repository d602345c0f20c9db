using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// An application that only scores: it references MlNetMlp.Scoring alone (from the packed packages), loads an MLP that
/// this test process trained and saved, and predicts what the training process predicted, bit for bit. Its published
/// output holds no libtorch, and stays small.
/// </summary>
[TestClass]
public sealed class ScoringConsumerTests
{
    /// <summary>What issue 9 set as the goal for a scoring application's publish folder.</summary>
    private const long PublishGoalBytes = 60L << 20;

    private const string ScoringProgram = """
        using System.Globalization;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Model.Load(args[0], out _);
        var scored = model.Transform(mlContext.Data.LoadFromBinary(args[1]));
        using var cursor = scored.GetRowCursor([scored.Schema["Score"], scored.Schema["PredictedLabel"]]);
        var score = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var label = cursor.GetGetter<uint>(scored.Schema["PredictedLabel"]);
        var values = default(VBuffer<float>);
        uint predicted = 0;
        while (cursor.MoveNext())
        {
            score(ref values);
            label(ref predicted);
            Console.WriteLine(predicted + " " + string.Join(" ", values.DenseValues().Select(v => BitConverter.SingleToInt32Bits(v).ToString(CultureInfo.InvariantCulture))));
        }

        Console.WriteLine("torch loaded: " + AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "TorchSharp"));
        """;

    [TestMethod]
    public void ScoringOnlyApplication_FromThePackedScoringPackage_PredictsAsTheTrainingProcessWithoutLibtorch()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(MnistSample.Load(DataSplit.Train));
        var train = mlContext.Data.Cache(digits.Transform(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 2000)));
        var test = mlContext.Data.Cache(mlContext.Transforms.SelectColumns("Features").Fit(digits.Transform(MnistSample.Load(DataSplit.Test))).Transform(digits.Transform(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 100))));
        var mlp = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(64), MlpLayer.Dropout(0.2f)], Epochs = 2, Seed = 1 }).Fit(train);
        using var directory = new TemporaryDirectory();
        var modelPath = directory.File("mlp.zip");
        var inputPath = directory.File("input.idv");
        mlContext.Model.Save(mlp, test.Schema, modelPath);
        using (var input = File.Create(inputPath))
        {
            mlContext.Data.SaveAsBinary(test, input);
        }

        var expected = Lines(mlp.Transform(test));
        var consumer = PackedFeed.Instance.CreateConsumer(directory.File("consumer"), ["MlNetMlp.Scoring"], ScoringProgram);

        var run = ProcessRunner.Run("dotnet", ["run", "--project", consumer, "--", modelPath, inputPath], consumer);

        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        CollectionAssert.AreEqual(expected, Predictions(run.StandardOutput), "the scoring-only application predicts the training process's bits");
        StringAssert.Contains(run.StandardOutput, "torch loaded: False");

        var published = directory.File("published");
        var publish = ProcessRunner.Run("dotnet", ["publish", consumer, "-c", "Release", "-o", published], consumer);
        Assert.AreEqual(0, publish.ExitCode, publish.Transcript);
        var files = Directory.GetFiles(published, "*", SearchOption.AllDirectories);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"scoring-only publish output: {files.Length} files, {bytes / (double)(1 << 20):F1} MiB");
        CollectionAssert.AreEqual(Array.Empty<string>(), files.Where(f => Path.GetFileName(f).Contains("torch", StringComparison.OrdinalIgnoreCase)).ToArray(), "no libtorch or TorchSharp file");
        Assert.IsLessThan(PublishGoalBytes, bytes, "publish output size");
        var runPublished = ProcessRunner.Run("dotnet", [Path.Combine(published, "Consumer.dll"), modelPath, inputPath], published);
        Assert.AreEqual(0, runPublished.ExitCode, runPublished.Transcript);
        CollectionAssert.AreEqual(expected, Predictions(runPublished.StandardOutput), "the published application predicts the same bits");
    }

    /// <summary>Each row as the consumer prints it: the predicted key, then the scores' bits.</summary>
    private static List<string> Lines(IDataView scored) =>
        scored.GetColumn<uint>("PredictedLabel").Zip(scored.GetColumn<float[]>("Score"))
            .Select(p => p.First + " " + string.Join(" ", p.Second.Select(v => BitConverter.SingleToInt32Bits(v).ToString(CultureInfo.InvariantCulture))))
            .ToList();

    private static List<string> Predictions(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => !line.StartsWith("torch", StringComparison.Ordinal)).ToList();
}
