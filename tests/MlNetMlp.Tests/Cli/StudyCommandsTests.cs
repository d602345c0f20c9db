using System.Text.Json;
using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Pipelines;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Cli;

/// <summary>regularization and uncertainty end to end on small real subsets, and evaluate's uncertainty figures.</summary>
[TestClass]
public sealed class StudyCommandsTests
{
    [TestMethod]
    public void Regularization_ImdbArchiveSubset_WritesTheReportAndPrintsItsTime()
    {
        using var directory = new TemporaryDirectory();
        var archive = TestPaths.RequireSharedData("imdb/aclImdb.tar.gz");

        var result = CliRunner.Run("regularization", "imdb", "--data", archive, "--rows", "600", "--epochs", "2", "--models", "smaller,l1-l2,early-stopping",
            "--validation", "split", "--validation-rows", "200", "--seed", "3", "--out", directory.Path);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        foreach (var file in new[] { "report.md", "report.html", "results.csv", "epochs.csv", "results.json", "validation-loss.png", "loss-l1l2.png" })
        {
            Assert.IsTrue(File.Exists(directory.File(file)), $"{file} missing\n{result.Transcript}");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(directory.File("results.json")));
        CollectionAssert.AreEqual(new[] { "Smaller", "L1L2", "EarlyStopping" },
            json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("model").GetString()).ToArray());
        Assert.AreEqual(200, json.RootElement.GetProperty("data").GetProperty("validationRows").GetInt32());
        StringAssert.Contains(json.RootElement.GetProperty("commandLine").GetString(), "--models smaller,l1-l2,early-stopping");
        StringAssert.Matches(result.StandardOutput, new System.Text.RegularExpressions.Regex(@"The study took \d+:\d\d min \(3 networks, 2 epochs, 400 training reviews"), result.Transcript);
        StringAssert.Contains(result.StandardOutput, "4-4-1 (smaller)", result.Transcript);
    }

    [TestMethod]
    public void Regularization_BadOptions_ExitWithUsageNamingTheOption()
    {
        var unknownModel = CliRunner.Run("regularization", "imdb", "--models", "original,huge");
        var badValidation = CliRunner.Run("regularization", "imdb", "--validation", "train");
        var mnist = CliRunner.Run("regularization", "mnist");

        Assert.AreEqual(2, unknownModel.ExitCode, unknownModel.Transcript);
        StringAssert.Contains(unknownModel.Transcript, "Received: 'huge'");
        Assert.AreEqual(2, badValidation.ExitCode, badValidation.Transcript);
        StringAssert.Contains(badValidation.Transcript, "--validation test or split");
        Assert.AreEqual(2, mnist.ExitCode, mnist.Transcript);
        StringAssert.Contains(mnist.Transcript, "expected a data set name, imdb");
    }

    [TestMethod]
    public void Uncertainty_MnistEmbeddedSubset_WritesTheReportWithTheThreeMethods()
    {
        using var directory = new TemporaryDirectory();

        var result = CliRunner.Run("uncertainty", "mnist", "--rows", "800", "--epochs", "2", "--samples", "4", "--members", "2", "--out", directory.Path);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        foreach (var file in new[] { "report.md", "report.html", "results.csv", "results.json", "reliability.png" })
        {
            Assert.IsTrue(File.Exists(directory.File(file)), $"{file} missing\n{result.Transcript}");
        }

        var csv = File.ReadAllLines(directory.File("results.csv"));
        Assert.HasCount(4, csv);
        StringAssert.StartsWith(csv[2], "MC dropout (T=4),predictive entropy of the mean probabilities,800,");
        StringAssert.Contains(result.StandardOutput, "Deep ensemble (M=2)", result.Transcript);
        StringAssert.Contains(File.ReadAllText(directory.File("report.md")), "784 inputs → Dense(512, Relu), Dropout(0.5) → Dense(10, Softmax)");
    }

    [TestMethod]
    public void Uncertainty_OneSampleOrOneMember_ExitsWithUsage()
    {
        var samples = CliRunner.Run("uncertainty", "mnist", "--samples", "1");
        var members = CliRunner.Run("uncertainty", "mnist", "--members", "1");

        Assert.AreEqual(2, samples.ExitCode, samples.Transcript);
        StringAssert.Contains(samples.Transcript, "--samples: expected monteCarloSamples >= 2: one pass has no spread. Received: monteCarloSamples=1.");
        Assert.AreEqual(2, members.ExitCode, members.Transcript);
        StringAssert.Contains(members.Transcript, "--members: expected ensembleMembers >= 2: one network is no ensemble. Received: ensembleMembers=1.");
    }

    [TestMethod]
    public void Evaluate_SavedModelWithDropout_PrintsPlainAndMonteCarloUncertainty()
    {
        using var directory = new TemporaryDirectory();
        var folder = Path.GetDirectoryName(TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz"))!;
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 1000);
        var model = MnistPipeline.Preparation(mlContext).Append(mlContext.Mlp(UncertaintyNetworks.Mnist(epochs: 2, seed: 1))).Fit(train);
        var path = directory.File("dropout.zip");
        mlContext.Model.Save(model, train.Schema, path);

        var result = CliRunner.Run("evaluate", "--model", path, "--data", folder, "--samples", "5");

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardOutput, "ECE (15 bins)", result.Transcript);
        var rows = result.StandardOutput.Split('\n').Where(line => line.Contains("│ MLP ", StringComparison.Ordinal) || line.Contains("│ MC dropout (T=5) ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, rows, result.Transcript);
        var accuracy = double.Parse(rows[0].Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(accuracy is > 0.8 and <= 1, result.Transcript);
    }
}
