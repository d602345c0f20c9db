using Microsoft.ML;
using MlNetMlp.Experiments;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Experiments.TwoMoons;

/// <summary>A data set added from outside the library runs through the same comparison the <c>compare</c> command runs, and reports.</summary>
[TestClass]
public sealed class TwoMoonsComparisonTests
{
    private static readonly Lazy<Dataset> Registered = new(() =>
    {
        var dataset = new TwoMoonsDataset();
        DatasetRegistry.Register(dataset);
        return dataset;
    });

    [TestMethod]
    public void Compare_RegisteredTwoMoons_RunsEveryTrainerAndTheMlpBeatsTheLinearOnes()
    {
        var dataset = Registered.Value;
        var mlContext = new MLContext(seed: 1);
        var data = DatasetRegistry.Find("two-moons")!.Load(mlContext, new DataRequest(Seed: 5));
        using var folder = new TemporaryDirectory();

        var outcome = new ComparisonStudy(dataset).Run(mlContext, data, new StudyRunOptions { Seed = 1 });
        var files = outcome.Write(folder.Path);

        var results = outcome.Result.Results.ToDictionary(r => r.Trainer);
        CollectionAssert.AreEqual(
            new[] { "Mlp 2-16-16-1", "Mlp 2-16-16-1 regularized", "SdcaLogisticRegression", "LbfgsLogisticRegression", "FastTree", "AveragedPerceptron" },
            outcome.Result.Results.Select(r => r.Trainer).ToArray());
        Assert.IsTrue(outcome.Result.Results.All(r => r.Status == TrainerStatus.Completed), string.Join("; ", outcome.Result.Results.Select(r => r.StatusText)));
        Console.WriteLine(string.Join(", ", outcome.Result.Results.Select(r => $"{r.Trainer} {r.MicroAccuracy:F4}")));
        Assert.IsGreaterThan(0.95, results["Mlp 2-16-16-1"].MicroAccuracy!.Value, "two moons are separable by a small network");
        Assert.IsLessThan(0.92, results["LbfgsLogisticRegression"].MicroAccuracy!.Value, "but not by a line");
        Assert.AreEqual(new DataDescription("Two moons", "make_moons, noise 0.15, seed 5", 600, 400, 60), outcome.Result.Data);
        StringAssert.Contains(File.ReadAllText(files.Markdown), "# Two moons: MLP vs ML.NET trainers");
        StringAssert.Contains(File.ReadAllText(files.Markdown), "| Data set | Two moons |");
        Assert.AreSame(dataset, DatasetRegistry.ForModelInput(["X", "Y"]));
    }
}
