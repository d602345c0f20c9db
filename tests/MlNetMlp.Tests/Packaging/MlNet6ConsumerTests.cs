using Microsoft.ML;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// An application on today's ML.NET: it references Microsoft.ML 6.0.0 and the packed MlNetMlp packages, restores
/// without a warning, trains, saves, and a second process loads the model and scores bit for bit as the first. The same
/// application forced onto Microsoft.ML 5.0.1 (a direct reference that overrides the packages' range, its downgrade
/// warning silenced, as a central version override would do) stops at its first MlNetMlp call with one line naming
/// the loaded and the supported versions.
/// </summary>
[TestClass]
public sealed class MlNet6ConsumerTests
{
    private const string Program = """
        using Microsoft.ML;
        using MlNetMlp;
        using MlNetMlp.Datasets;

        var mlContext = new MLContext(seed: 1);
        if (args[0] == "train")
        {
            var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 600);
            var model = mlContext.Transforms.NormalizePixels("Features", "Pixels")
                .Append(mlContext.Mlp(new MlpOptions { HiddenLayers = [32], Epochs = 2, Seed = 1 }))
                .Fit(train);
            mlContext.Model.Save(model, train.Schema, args[1]);
            var input = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 50);
            using (var file = File.Create(args[2])) { mlContext.Data.SaveAsBinary(input, file); }
            using (var file = File.Create(args[3])) { mlContext.Data.SaveAsBinary(model.Transform(input), file); }
            Console.WriteLine("trained");
        }
        else
        {
            var model = mlContext.Model.Load(args[1], out _);
            using var file = File.Create(args[3]);
            mlContext.Data.SaveAsBinary(model.Transform(mlContext.Data.LoadFromBinary(args[2])), file);
            Console.WriteLine("scored");
        }
        """;

    private static readonly string[] MlNetMlpPackages = ["MlNetMlp.Trainers", "MlNetMlp.Transforms", "MlNetMlp.Datasets"];

    [TestMethod]
    public void Consumer_OnMicrosoftMl600_RestoresWithoutWarningsTrainsAndScoresIdenticallyInAnotherProcess()
    {
        using var directory = new TemporaryDirectory();
        var consumer = PackedFeed.Instance.CreateConsumer(directory.File("consumer"), MlNetMlpPackages, Program, [("Microsoft.ML", "6.0.0")]);

        var restore = ProcessRunner.Run("dotnet", ["restore", consumer], consumer);
        Assert.AreEqual(0, restore.ExitCode, restore.Transcript);
        Assert.DoesNotContain("warning", restore.StandardOutput, restore.Transcript);
        var build = ProcessRunner.Run("dotnet", ["build", consumer, "--no-restore", "-o", directory.File("bin")], consumer);
        Assert.AreEqual(0, build.ExitCode, build.Transcript);
        Assert.Contains("0 Warning(s)", build.StandardOutput, build.Transcript);
        var resolved = PackageGraphTests.ResolvedPackages(directory.File("bin/Consumer.deps.json"));
        PackageGraphTests.AssertOneVersion(resolved, "Microsoft.ML", ["Microsoft.ML", "Microsoft.ML.Data", "Microsoft.ML.DataView", "Microsoft.ML.CpuMath"], "6.0.0", "consumer");
        PackageGraphTests.AssertOneVersion(resolved, "TorchSharp", ["TorchSharp", "TorchSharp-cpu"], "0.107.0", "consumer");

        var consumerDll = directory.File("bin/Consumer.dll");
        var train = ProcessRunner.Run("dotnet", [consumerDll, "train", directory.File("model.zip"), directory.File("input.idv"), directory.File("trained.idv")], consumer);
        Assert.AreEqual(0, train.ExitCode, train.Transcript);
        var score = ProcessRunner.Run("dotnet", [consumerDll, "score", directory.File("model.zip"), directory.File("input.idv"), directory.File("scored.idv")], consumer);
        Assert.AreEqual(0, score.ExitCode, score.Transcript);

        var mlContext = new MLContext(seed: 1);
        DataViewAssert.BitIdentical(mlContext.Data.LoadFromBinary(directory.File("trained.idv")), mlContext.Data.LoadFromBinary(directory.File("scored.idv")), "Features", "Score", "PredictedLabel");
    }

    [TestMethod]
    public void Consumer_ForcedOntoMicrosoftMl501_StopsAtTheFirstMlNetMlpCallNamingBothVersions()
    {
        using var directory = new TemporaryDirectory();
        var consumer = PackedFeed.Instance.CreateConsumer(directory.File("consumer"), MlNetMlpPackages, Program, [("Microsoft.ML", "5.0.1")],
            properties: "    <NoWarn>$(NoWarn);NU1605</NoWarn>");

        var build = ProcessRunner.Run("dotnet", ["build", consumer, "-o", directory.File("bin")], consumer);
        Assert.AreEqual(0, build.ExitCode, build.Transcript);
        PackageGraphTests.AssertOneVersion(PackageGraphTests.ResolvedPackages(directory.File("bin/Consumer.deps.json")), "Microsoft.ML", ["Microsoft.ML"], "5.0.1", "consumer");
        var train = ProcessRunner.Run("dotnet", [directory.File("bin/Consumer.dll"), "train", directory.File("model.zip"), directory.File("input.idv"), directory.File("trained.idv")], consumer);

        Assert.AreNotEqual(0, train.ExitCode, train.Transcript);
        StringAssert.Contains(train.StandardError, "MlNetMlp.UnsupportedMlNetVersionException", train.Transcript);
        StringAssert.Contains(train.StandardError, "supports Microsoft.ML [6.0.0, 6.1), but this application loaded Microsoft.ML.", train.Transcript);
        StringAssert.Contains(train.StandardError, " 5.0.1 (from ", train.Transcript);
        Assert.DoesNotContain("MissingMethodException", train.StandardError, train.Transcript);
        Assert.IsFalse(File.Exists(directory.File("model.zip")), "nothing trained or saved");
    }
}
