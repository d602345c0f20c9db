using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Cli;

/// <summary><c>mlnetmlp evaluate</c> reads the test part only, so data that holds nothing else is enough.</summary>
[TestClass]
public sealed class EvaluateCommandTests
{
    [TestMethod]
    public void Evaluate_MnistFolderWithOnlyTheTestFiles_PrintsTheAccuracy()
    {
        using var directory = new TemporaryDirectory();
        foreach (var name in new[] { "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
        {
            File.Copy(TestPaths.RequireSharedData($"mnist/{name}"), directory.File(name));
        }

        var result = CliRunner.Run("evaluate", "--model", TrainedModels.Mnist.Model, "--data", directory.Path);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        Assert.IsTrue(Metric(result, "micro accuracy") is > 0.88 and <= 1, result.Transcript);
    }

    [TestMethod]
    public void Evaluate_ImdbArchiveWithOnlyTheTestPart_PrintsTheAccuracy()
    {
        using var directory = new TemporaryDirectory();
        var archive = directory.File("test-only.tar.gz");
        var reviews = SharedDatasets.ImdbFirstPerLabel(new MLContext(seed: 1), DataSplit.Test, 100);
        using (var file = File.Create(archive))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            for (var i = 0; i < reviews.Count; i++)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, $"aclImdb/test/{(reviews[i].Label ? "pos" : "neg")}/{i}_{(reviews[i].Label ? 9 : 2)}.txt")
                {
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reviews[i].Text)),
                };
                tar.WriteEntry(entry);
            }
        }

        var result = CliRunner.Run("evaluate", "--model", TrainedModels.Imdb.Model, "--data", archive);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        Assert.IsTrue(Metric(result, "accuracy") is > 0.65 and <= 1, result.Transcript);
        Assert.IsTrue(Metric(result, "AUC") is > 0.7 and <= 1, result.Transcript);
    }

    private static double Metric(ProcessRunner.Result result, string name)
    {
        // The metrics table comes first; the uncertainty table after it has an accuracy row of its own.
        var line = result.StandardOutput.Split('\n').First(l => l.Split('│', StringSplitOptions.TrimEntries).Contains(name));
        return double.Parse(line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1], CultureInfo.InvariantCulture);
    }
}
