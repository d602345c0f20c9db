using System.Text.Json;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Bench;

/// <summary>
/// The benchmark harness (bench/MlNetMlp.Bench) on tiny sizes: every benchmark runs beside its peers, in processes of
/// their own, and RESULTS.md and its JSON carry every figure. Only that it measures is checked here, never how fast.
/// </summary>
[TestClass]
public sealed class BenchHarnessTests
{
    [TestMethod]
    public void QuickRun_EveryBenchmarkBesideItsPeers_WritesEveryFigureAndGoal()
    {
        TestPaths.RequireSharedData(Path.Combine("mnist", "train-images-idx3-ubyte.gz"));
        TestPaths.RequireSharedData(Path.Combine("imdb", "aclImdb.tar.gz"));
        var peers = ProcessRunner.Run("dotnet", [TestPaths.BenchDll, "check-peers"]);
        if (peers.ExitCode == 3)
        {
            Assert.Inconclusive($"The Python peers are not installed on this machine (CI installs them in .ci/install-system-packages): {peers.StandardOutput.Trim()}");
        }

        using var folder = new TemporaryDirectory();
        var run = ProcessRunner.Run("dotnet", [TestPaths.BenchDll, "--quick", "--data", TestPaths.SharedData, "--output", folder.File("RESULTS.md"), "--json", folder.File("results.json")]);

        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("results.json")));
        var results = json.RootElement;
        Assert.AreEqual("quick", results.GetProperty("sizes").GetString());
        AssertTraining(results, "mnist-real", peers: 4, rows: 1_000, qualityProperty: "testAccuracy", minimumQuality: 0.5);
        AssertTraining(results, "mnist-large", peers: 4, rows: 2_000, qualityProperty: "testAccuracy", minimumQuality: 0.5);
        AssertTraining(results, "imdb", peers: 2, rows: 400, qualityProperty: "trainingAccuracy", minimumQuality: 0);
        var cores = results.GetProperty("machine").GetProperty("cores").GetInt32();
        var threadSections = results.GetProperty("training").EnumerateArray().Select(r => r.GetProperty("section").GetString()!).Where(s => s.StartsWith("threads-", StringComparison.Ordinal)).Distinct().ToList();
        CollectionAssert.IsSubsetOf(new[] { "threads-1", "threads-1-busy", $"threads-{cores}", $"threads-{cores}-busy" }, threadSections);
        foreach (var section in threadSections)
        {
            AssertTraining(results, section, peers: 3, rows: 1_000, qualityProperty: "testAccuracy", minimumQuality: 0.5);
            AssertScoring(results, section, scorers: 3);
        }

        AssertScoring(results, "inference", scorers: 5);
        var goals = results.GetProperty("goals").EnumerateArray().ToList();
        Assert.HasCount(7, goals);
        Assert.IsTrue(goals.All(g => g.GetProperty("value").ValueKind == JsonValueKind.Number), "every goal has its measured value");
        var transforms = results.GetProperty("transforms").GetProperty("implementations").EnumerateArray().ToList();
        Assert.HasCount(3, transforms);
        Assert.AreEqual(1, transforms.Select(t => t.GetProperty("nonZeros").GetInt64()).Distinct().Count(), "every multi-hot implementation finds the same non-zeros");

        var document = File.ReadAllText(folder.File("RESULTS.md"));
        foreach (var heading in new[] { "## Machine", "## Training, MNIST-shaped", "## Training, IMDb-shaped", "## Inference", "## Threads", "## Transforms" })
        {
            StringAssert.Contains(document, heading);
        }

        Assert.DoesNotContain("not measured", document);
        StringAssert.Contains(document, "Never edit this file by hand");
    }

    private static void AssertTraining(JsonElement results, string section, int peers, int rows, string qualityProperty, double minimumQuality)
    {
        var runs = results.GetProperty("training").EnumerateArray().Where(r => r.GetProperty("section").GetString() == section).ToList();
        Assert.HasCount(peers, runs, section);
        foreach (var run in runs)
        {
            var peer = $"{section}: {run.GetProperty("peer").GetString()}";
            Assert.AreEqual(JsonValueKind.Object, run.GetProperty("measurement").ValueKind, $"{peer}: {run.GetProperty("problem")}");
            var measurement = run.GetProperty("measurement");
            Assert.AreEqual(rows, measurement.GetProperty("rows").GetInt32(), peer);
            var epochs = measurement.GetProperty("epochSeconds").EnumerateArray().Select(e => e.GetDouble()).ToList();
            Assert.HasCount(2, epochs, peer);
            Assert.IsTrue(epochs.All(seconds => seconds > 0), $"{peer}: epoch seconds {string.Join(", ", epochs)}");
            Assert.IsGreaterThan(30, measurement.GetProperty("peakRssMb").GetDouble(), $"{peer}: a process with a runtime and a numeric library is resident in more than 30 MB");
            Assert.IsTrue(double.IsFinite(measurement.GetProperty("finalLoss").GetDouble()), peer);
            var quality = measurement.GetProperty(qualityProperty).GetDouble();
            Assert.IsTrue(quality > minimumQuality && quality <= 1, $"{peer}: {qualityProperty} {quality}");
        }
    }

    private static void AssertScoring(JsonElement results, string section, int scorers)
    {
        var runs = results.GetProperty("scoring").EnumerateArray().Where(r => r.GetProperty("section").GetString() == section).ToList();
        Assert.HasCount(scorers, runs, section);
        var mlpAccuracies = new List<double>();
        foreach (var run in runs)
        {
            var scorer = $"{section}: {run.GetProperty("scorer").GetString()}";
            Assert.AreEqual(JsonValueKind.Object, run.GetProperty("measurement").ValueKind, $"{scorer}: {run.GetProperty("problem")}");
            var measurement = run.GetProperty("measurement");
            var median = measurement.GetProperty("singleRowMedianMicroseconds").GetDouble();
            Assert.IsTrue(median > 0 && measurement.GetProperty("singleRowP99Microseconds").GetDouble() >= median, scorer);
            Assert.IsGreaterThan(0, measurement.GetProperty("batchRowsPerSecond").GetDouble(), scorer);
            if (!scorer.Contains("ML.NET", StringComparison.Ordinal))
            {
                mlpAccuracies.Add(measurement.GetProperty("accuracy").GetDouble());
            }
        }

        Assert.HasCount(3, mlpAccuracies, $"{section}: the MLP scored by MlNetMlp, TorchSharp and PyTorch");
        Assert.IsLessThanOrEqualTo(0.001, mlpAccuracies.Max() - mlpAccuracies.Min(), $"{section}: the same weights give the same accuracy on every path ({string.Join(", ", mlpAccuracies)})");
    }
}
