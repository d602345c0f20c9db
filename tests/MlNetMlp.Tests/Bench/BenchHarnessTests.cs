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
    private const string InstallHint = "apt-get install -y python3-torch python3-sklearn libopenblas0-pthread";

    [TestMethod]
    public void QuickRun_EveryBenchmarkBesideItsPeers_WritesEveryFigureAndGoal()
    {
        TestPaths.RequireSharedData(Path.Combine("mnist", "train-images-idx3-ubyte.gz"));
        TestPaths.RequireSharedData(Path.Combine("imdb", "aclImdb.tar.gz"));
        // CI installs the Python peers (.ci/install-system-packages); elsewhere the harness still runs and says why they are missing.
        var python = ProcessRunner.Run("dotnet", [TestPaths.BenchDll, "check-peers"]).ExitCode == 0;

        using var folder = new TemporaryDirectory();
        var run = ProcessRunner.Run("dotnet", [TestPaths.BenchDll, "--quick", "--data", TestPaths.SharedData, "--output", folder.File("RESULTS.md"), "--json", folder.File("results.json")]);

        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("results.json")));
        var results = json.RootElement;
        Assert.AreEqual("quick", results.GetProperty("sizes").GetString());
        AssertTraining(results, "mnist-real", peers: 4, python, rows: 1_000, qualityProperty: "testAccuracy", minimumQuality: 0.5);
        AssertTraining(results, "mnist-large", peers: 4, python, rows: 2_000, qualityProperty: "testAccuracy", minimumQuality: 0.5);
        AssertTraining(results, "imdb", peers: 2, python, rows: 400, qualityProperty: "trainingAccuracy", minimumQuality: 0);
        var cores = results.GetProperty("machine").GetProperty("cores").GetInt32();
        var threadSections = results.GetProperty("training").EnumerateArray().Select(r => r.GetProperty("section").GetString()!).Where(s => s.StartsWith("threads-", StringComparison.Ordinal)).Distinct().ToList();
        CollectionAssert.AreEquivalent(new[] { "threads-1", $"threads-{cores}-busy" }, threadSections, "a quick run measures one thread, and every core with one kept busy");
        foreach (var section in threadSections)
        {
            AssertTraining(results, section, peers: 3, python, rows: 1_000, qualityProperty: "testAccuracy", minimumQuality: 0.5);
            AssertScoring(results, section, scorers: 3, python);
        }

        AssertScoring(results, "inference", scorers: 5, python);
        var goals = results.GetProperty("goals").EnumerateArray().ToList();
        Assert.HasCount(7, goals);
        foreach (var goal in goals)
        {
            // Without PyTorch only the goals against (b) and the IMDb memory goal have a value.
            var description = goal.GetProperty("description").GetString()!;
            var measurable = python || !description.Contains("(c)", StringComparison.Ordinal);
            Assert.AreEqual(measurable ? JsonValueKind.Number : JsonValueKind.Null, goal.GetProperty("value").ValueKind, description);
        }

        var transforms = results.GetProperty("transforms").GetProperty("implementations").EnumerateArray().ToList();
        Assert.HasCount(3, transforms);
        Assert.AreEqual(1, transforms.Select(t => t.GetProperty("nonZeros").GetInt64()).Distinct().Count(), "every multi-hot implementation finds the same non-zeros");

        var document = File.ReadAllText(folder.File("RESULTS.md"));
        foreach (var heading in new[] { "## Machine", "## Training, MNIST-shaped", "## Training, IMDb-shaped", "## Inference", "## Threads", "## Transforms", "## ONNX export", "### MNIST 784-512-10", "### IMDb 10000-16-16-1" })
        {
            StringAssert.Contains(document, heading);
        }

        var onnxTables = results.GetProperty("onnxExportTables").GetString()!;
        Assert.AreEqual(2, onnxTables.Split('\n').Count(line => line.StartsWith("| exported model in ONNX Runtime", StringComparison.Ordinal)), onnxTables);

        if (python)
        {
            Assert.DoesNotContain("not measured", document);
        }
        else
        {
            StringAssert.Contains(document, InstallHint, "the rows of the missing peers say how to install them");
        }

        StringAssert.Contains(document, "Never edit this file by hand");
    }

    [TestMethod]
    public void CheckPeers_WithoutPython_ExitsWithThreeAndSaysHowToInstallThem()
    {
        var check = ProcessRunner.Run("env", ["PYTHON=/nonexistent/python3", "dotnet", TestPaths.BenchDll, "check-peers"]);

        Assert.AreEqual(3, check.ExitCode, check.Transcript);
        StringAssert.Contains(check.StandardOutput, "/nonexistent/python3");
        StringAssert.Contains(check.StandardOutput, InstallHint);
    }

    private static void AssertTraining(JsonElement results, string section, int peers, bool python, int rows, string qualityProperty, double minimumQuality)
    {
        var runs = results.GetProperty("training").EnumerateArray().Where(r => r.GetProperty("section").GetString() == section).ToList();
        Assert.HasCount(peers, runs, section);
        foreach (var run in runs.Where(run => python || IsMeasuredWithoutPython(run, "peer")))
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

    private static void AssertScoring(JsonElement results, string section, int scorers, bool python)
    {
        var runs = results.GetProperty("scoring").EnumerateArray().Where(r => r.GetProperty("section").GetString() == section).ToList();
        Assert.HasCount(scorers, runs, section);
        var mlpAccuracies = new List<double>();
        foreach (var run in runs.Where(run => python || IsMeasuredWithoutPython(run, "scorer")))
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

        Assert.HasCount(python ? 3 : 2, mlpAccuracies, $"{section}: the MLP scored by MlNetMlp, TorchSharp and PyTorch");
        Assert.IsLessThanOrEqualTo(0.001, mlpAccuracies.Max() - mlpAccuracies.Min(), $"{section}: the same weights give the same accuracy on every path ({string.Join(", ", mlpAccuracies)})");
    }

    /// <summary>
    /// Whether a run is one the harness measures itself; a Python peer's run on a machine without the peers must say
    /// why it is missing and how to install them.
    /// </summary>
    private static bool IsMeasuredWithoutPython(JsonElement run, string nameProperty)
    {
        var name = run.GetProperty(nameProperty).GetString()!;
        if (!name.Contains("PyTorch", StringComparison.Ordinal) && !name.Contains("scikit-learn", StringComparison.Ordinal))
        {
            return true;
        }

        Assert.AreEqual(JsonValueKind.Null, run.GetProperty("measurement").ValueKind, name);
        StringAssert.Contains(run.GetProperty("problem").GetString(), InstallHint, name);
        return false;
    }
}
