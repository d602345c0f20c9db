using System.Text.Json;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Cli;

/// <summary>The main job, end to end, on small real subsets.</summary>
[TestClass]
public sealed class CompareCommandTests
{
    [TestMethod]
    public void Compare_MnistEmbeddedSampleSubset_WritesEveryReportFile_MlpAtLeastSdca()
    {
        using var directory = new TemporaryDirectory();

        var result = CliRunner.Run("compare", "mnist", "--rows", "1500", "--out", directory.Path);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        foreach (var file in new[] { "report.md", "report.html", "results.csv", "results.json", "accuracy.png", "training-time.png", "learning-loss.png", "learning-accuracy.png", "confusion-mlp-784-512-10.png", "confusion-mlp-784-512-10-regularized.png" })
        {
            Assert.IsTrue(File.Exists(directory.File(file)), $"{file} missing\n{result.Transcript}");
        }

        var results = Results(directory.File("results.json"));
        CollectionAssert.AreEqual(
            new[] { "Mlp 784-512-10", "Mlp 784-512-10 regularized", "SdcaMaximumEntropy", "LbfgsMaximumEntropy", "OneVersusAll(FastTree)", "LightGbm" },
            results.Select(r => r.Trainer).ToArray());
        Assert.IsTrue(results.All(r => r.Status == "Completed"), result.Transcript);
        var mlp = results[0];
        var sdca = results.Single(r => r.Trainer == "SdcaMaximumEntropy");
        Assert.IsGreaterThanOrEqualTo(sdca.Accuracy!.Value, mlp.Accuracy!.Value, $"MLP {mlp.Accuracy} vs SDCA {sdca.Accuracy}");
        Assert.IsTrue(results.All(r => r.Accuracy is > 0.7 and <= 1), string.Join(", ", results.Select(r => $"{r.Trainer} {r.Accuracy}")));
        var report = File.ReadAllText(directory.File("report.md"));
        StringAssert.Contains(report, "1,500");
        StringAssert.Contains(report, "TorchSharp");
        StringAssert.Contains(report, "libtorch");
        StringAssert.Contains(report, $"Command line: mlnetmlp compare mnist --rows 1500 --out {directory.Path}");
        StringAssert.Contains(report, "Seed: 1 (");
        StringAssert.Contains(report, "| Mlp 784-512-10 regularized | Dense(512, Relu), Dropout(0.5) then the output layer; RmsProp, learning rate 0.001, batch 128, at most 20 epochs;");
        StringAssert.Contains(report, "| Validation rows | 150 |");
        StringAssert.Contains(result.StandardOutput, "Best ML.NET trainer: ");
        StringAssert.Contains(report, "Best ML.NET trainer: ");
    }

    [TestMethod]
    public void Compare_ImdbArchiveSubset_RunsBinaryTrainersAndTextBaseline()
    {
        using var directory = new TemporaryDirectory();
        var archive = TestPaths.RequireSharedData("imdb/aclImdb.tar.gz");

        var result = CliRunner.Run("compare", "imdb", "--data", archive, "--rows", "1500", "--epochs", "4", "--out", directory.Path);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        var results = Results(directory.File("results.json"));
        CollectionAssert.AreEquivalent(
            new[]
            {
                "Mlp 10000-16-16-1", "Mlp 10000-16-16-1 regularized", "SdcaLogisticRegression", "LbfgsLogisticRegression", "FastTree", "AveragedPerceptron",
                "FeaturizeText+SdcaLogisticRegression", "FeaturizeText+AveragedPerceptron",
            },
            results.Select(r => r.Trainer).ToArray());
        Assert.IsTrue(results.All(r => r.Status == "Completed"), result.Transcript);
        Assert.IsTrue(results.Where(r => r.Trainer.StartsWith("Mlp", StringComparison.Ordinal)).All(r => r.Accuracy >= 0.7), string.Join(", ", results.Select(r => $"{r.Trainer} {r.Accuracy}")));
        Assert.IsTrue(results.All(r => r.Auc is > 0.5 and <= 1), string.Join(", ", results.Select(r => $"{r.Trainer} AUC {r.Auc}")));
    }

    private sealed record TrainerRow(string Trainer, string Status, double? Accuracy, double? Auc);

    private static List<TrainerRow> Results(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => new TrainerRow(
                r.GetProperty("trainer").GetString()!,
                r.GetProperty("status").GetString()!,
                r.GetProperty("microAccuracy").ValueKind == JsonValueKind.Number ? r.GetProperty("microAccuracy").GetDouble() : null,
                r.GetProperty("auc").ValueKind == JsonValueKind.Number ? r.GetProperty("auc").GetDouble() : null))
            .ToList();
    }
}
