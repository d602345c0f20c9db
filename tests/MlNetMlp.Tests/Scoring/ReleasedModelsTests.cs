using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring;

/// <summary>
/// Models saved by earlier releases load with today's code and give the same predictions and the same training
/// history, bit for bit: MlNetMlp 0.2 on ML.NET 5.0 (TestData/Models-0.2: every task, every activation, dropout,
/// Monte Carlo dropout, an ensemble, the MNIST and IMDb pipelines with their transforms) and 0.3 (TestData/Models-0.3:
/// every layer kind, frozen layers, the newer activations, in format 5).
/// </summary>
[TestClass]
public sealed class ReleasedModelsTests
{
    [TestMethod]
    [DataRow("mnist-pipeline", new[] { "Features", "Score", "PredictedLabel" })]
    [DataRow("mnist-mcdropout", new[] { "Score", "PredictedLabel", "ScoreMean", "ScoreStdDev" })]
    [DataRow("imdb-pipeline", new[] { "WordIndices", "Features", "Score", "Probability", "PredictedLabel" })]
    [DataRow("binary", new[] { "Score", "Probability", "PredictedLabel" })]
    [DataRow("multiclass", new[] { "Score", "PredictedLabel" })]
    [DataRow("multilabel", new[] { "Score", "PredictedLabel" })]
    [DataRow("regression", new[] { "Score" })]
    [DataRow("regression-vector", new[] { "Score" })]
    [DataRow("onehot-chain", new[] { "OneHot", "Score", "PredictedLabel" })]
    [DataRow("ensemble", new[] { "Score", "PredictedLabel", "ScoreStdDev" })]
    public void Load_ModelSavedByVersion02OnMlNet5_PredictsBitIdentically(string name, string[] columns)
    {
        var mlContext = new MLContext(seed: 1);
        var model = ModelFile.Load(mlContext, Saved($"{name}.zip"), out _);

        var scored = model.Transform(mlContext.Data.LoadFromBinary(Saved($"{name}-input.idv")));

        DataViewAssert.BitIdentical(mlContext.Data.LoadFromBinary(Saved($"{name}-expected.idv")), scored, columns);
    }

    [TestMethod]
    [DataRow("mnist-pipeline")]
    [DataRow("imdb-pipeline")]
    [DataRow("binary")]
    [DataRow("multiclass")]
    [DataRow("regression")]
    [DataRow("ensemble")]
    public void Load_ModelSavedByVersion02OnMlNet5_KeepsEveryEpochOfItsHistory(string name)
    {
        var model = ModelFile.Load(new MLContext(seed: 1), Saved($"{name}.zip"), out _);
        var networks = Networks(model);

        var expected = File.ReadAllLines(Saved($"{name}-history.csv")).Skip(1).ToList();
        var actual = networks.SelectMany((network, member) => network.History.Select(epoch => string.Join(",",
            member, epoch.Epoch, Text(epoch.TrainingLoss), Text(epoch.TrainingMetric), Text(epoch.PenaltyLoss), Text(epoch.ValidationLoss),
            Text(epoch.ValidationPenaltyLoss), Text(epoch.ValidationMetric), epoch.MetricName, epoch.WallTime.Ticks))).ToList();

        Assert.IsGreaterThanOrEqualTo(2, expected.Count, $"{name}: the fixture records its epochs");
        CollectionAssert.AreEqual(expected, actual, $"{name}: history");
    }

    [TestMethod]
    [DataRow("mnist-layers", new[] { "Features", "Score", "PredictedLabel" })]
    [DataRow("mnist-layers-mcdropout", new[] { "Score", "PredictedLabel", "ScoreMean", "ScoreStdDev" })]
    [DataRow("binary-layers", new[] { "Score", "Probability", "PredictedLabel" })]
    [DataRow("regression-layers", new[] { "Score" })]
    [DataRow("ensemble-layers", new[] { "Score", "PredictedLabel", "ScoreStdDev" })]
    public void Load_ModelWithEveryLayerKindSavedByVersion03_PredictsBitIdenticallyAndKeepsItsNamedHistory(string name, string[] columns)
    {
        var mlContext = new MLContext(seed: 1);
        var model = ModelFile.Load(mlContext, Saved03($"{name}.zip"), out _);

        var scored = model.Transform(mlContext.Data.LoadFromBinary(Saved03($"{name}-input.idv")));

        DataViewAssert.BitIdentical(mlContext.Data.LoadFromBinary(Saved03($"{name}-expected.idv")), scored, columns);
        var expected = File.ReadAllLines(Saved03($"{name}-history.csv")).Skip(1).ToList();
        var actual = Networks(model).SelectMany((network, member) => network.History.Select(epoch => string.Join(",", member, epoch.Epoch, epoch.MetricName,
            string.Join(";", epoch.Figures.Select(figure => $"{figure.Key}={Text(figure.Value)}"))))).ToList();
        Assert.IsGreaterThanOrEqualTo(2, expected.Count, $"{name}: the fixture records its epochs");
        CollectionAssert.AreEqual(expected, actual, $"{name}: history");
    }

    private static List<MlpModel> Networks(ITransformer model) => [.. model.Steps().SelectMany(step => step switch
    {
        MlpTransformer single => [single.Model],
        MlpEnsembleTransformer ensemble => ensemble.Members,
        _ => [],
    })];

    private static string Saved03(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "MlNetMlp.Tests", "TestData", "Models-0.3", name);

    private static string Text(double? value) => value is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Saved(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "MlNetMlp.Tests", "TestData", "Models-0.2", name);
}
