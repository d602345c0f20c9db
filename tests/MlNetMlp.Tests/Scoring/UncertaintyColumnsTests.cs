using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring;

/// <summary>
/// Monte Carlo dropout and deep ensembles add the predictive mean and spread as columns, reuse the one forward pass,
/// are seeded, save and load, and refuse what cannot work.
/// </summary>
[TestClass]
public sealed class UncertaintyColumnsTests
{
    [TestMethod]
    [DataRow(0f, 30)]
    [DataRow(0.5f, 1)]
    public void MonteCarlo_DropoutRateZeroOrOneSample_GivesZeroSpreadAndTheDeterministicScore(float rate, int samples)
    {
        var (mlContext, data, model) = FitMulticlass(rate);

        var scored = model.WithMonteCarloDropout(samples, seed: 3).Transform(data);

        var scores = Column(scored, "Score");
        var means = Column(scored, "ScoreMean");
        var spreads = Column(scored, "ScoreStdDev");
        for (var row = 0; row < scores.Count; row++)
        {
            CollectionAssert.AreEqual(scores[row], means[row], $"row {row}: mean");
            Assert.IsTrue(spreads[row].All(s => s == 0), $"row {row}: spread");
        }
    }

    [TestMethod]
    public void MonteCarlo_ManySamplesWithDropout_GivesASpreadAndAMeanNearTheDeterministicScore()
    {
        var (_, data, model) = FitMulticlass(0.5f);

        var scored = model.WithMonteCarloDropout(50, seed: 3).Transform(data);

        var scores = Column(scored, "Score");
        var means = Column(scored, "ScoreMean");
        var spreads = Column(scored, "ScoreStdDev");
        var meanDistance = scores.Zip(means).Average(p => p.First.Zip(p.Second).Sum(q => Math.Abs(q.First - q.Second)) / 3);
        var meanSpread = spreads.Average(s => s.Average());
        Console.WriteLine($"Monte Carlo dropout, 50 passes: mean |mean - deterministic| {meanDistance:F4}, mean standard deviation {meanSpread:F4}");
        Assert.IsGreaterThan(0.005, meanSpread);
        Assert.IsLessThan(0.08, meanDistance);
        Assert.IsTrue(means.All(m => Math.Abs(m.Sum() - 1) < 1e-4), "the mean of probability vectors is a probability vector");
    }

    [TestMethod]
    public void MonteCarlo_SameSeed_SameColumns_OtherSeed_OtherColumns()
    {
        var (_, data, model) = FitMulticlass(0.5f);

        var first = Column(model.WithMonteCarloDropout(10, seed: 3).Transform(data), "ScoreStdDev");
        var again = Column(model.WithMonteCarloDropout(10, seed: 3).Transform(data), "ScoreStdDev");
        var other = Column(model.WithMonteCarloDropout(10, seed: 4).Transform(data), "ScoreStdDev");

        for (var row = 0; row < first.Count; row++)
        {
            CollectionAssert.AreEqual(first[row], again[row], $"row {row}");
        }

        Assert.IsTrue(first.Zip(other).Any(p => !p.First.SequenceEqual(p.Second)));
    }

    [TestMethod]
    public void MonteCarlo_FromOptions_SavedAndLoadedInAChildProcess_GivesTheSameColumns()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Blobs.Create(30, seed: 2));
        var model = mlContext.Transforms.CopyColumns("Label", nameof(Blobs.Row.IsFirst))
            .Append(mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(16), MlpLayer.Dropout(0.3f)], Epochs = 5, Seed = 2, MonteCarloSamples = 20 }))
            .Fit(data);
        using var directory = new TemporaryDirectory();
        var path = directory.File("mc.zip");
        mlContext.Model.Save(model, data.Schema, path);

        var child = ModelHostProcess.Transform(mlContext, path, data, directory);

        Assert.AreEqual(0, child.ExitCode, child.StandardError);
        Assert.AreEqual(new MlpMonteCarloDropout(20, 2), model.LastTransformer.MonteCarloDropout);
        DataViewAssert.BitIdentical(model.Transform(data), child.Output!, "Score", "Probability", "PredictedLabel", "ProbabilityMean", "ProbabilityStdDev");
        Assert.IsTrue(model.Transform(data).GetColumn<float>("ProbabilityStdDev").Any(s => s > 0));
    }

    [TestMethod]
    public void MonteCarlo_ThroughPredictionEngine_GivesTheColumns()
    {
        var (mlContext, _, model) = FitMulticlass(0.5f);
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class)).Fit(mlContext.Data.LoadFromEnumerable(Blobs.Create(3, seed: 2)))
            .Append(model.WithMonteCarloDropout(20, seed: 1));
        using var engine = mlContext.Model.CreatePredictionEngine<Blobs.Row, UncertainPrediction>(pipeline);

        var prediction = engine.Predict(Blobs.Create(1, seed: 9)[0]);

        Assert.HasCount(3, prediction.ScoreMean);
        Assert.HasCount(3, prediction.ScoreStdDev);
        Assert.AreEqual(1, prediction.ScoreMean.Sum(), 1e-4);
        Assert.IsTrue(prediction.ScoreStdDev.Any(s => s > 0));
    }

    [TestMethod]
    public void MonteCarlo_OptionPromisesTheColumnsFitProduces()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Transforms.CopyColumns("Label", nameof(Blobs.Row.IsFirst)).Fit(mlContext.Data.LoadFromEnumerable(Blobs.Create(10, seed: 2)))
            .Transform(mlContext.Data.LoadFromEnumerable(Blobs.Create(10, seed: 2)));
        var trainer = mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(4), MlpLayer.Dropout(0.2f)], Epochs = 1, MonteCarloSamples = 5 });

        EstimatorAssert.KeepsSchemaPromise(trainer, data, "ProbabilityMean");
        EstimatorAssert.KeepsSchemaPromise(trainer, data, "ProbabilityStdDev");
    }

    [TestMethod]
    public void MonteCarlo_BadRequests_AreRefusedNamingTheOption()
    {
        var (_, _, model) = FitMulticlass(0.5f);
        var (_, _, withoutDropout) = FitMulticlass(null);

        Assert.AreEqual("samples", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.WithMonteCarloDropout(0)).ParamName);
        var noDropout = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => withoutDropout.WithMonteCarloDropout(10));
        StringAssert.Contains(noDropout.Message, "Expected a network with a Dropout (or GaussianNoise) layer for Monte Carlo dropout");
        var fromOptions = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(new MlpOptions { HiddenLayers = [8], MonteCarloSamples = 10 }));
        Assert.AreEqual("MonteCarloSamples", fromOptions.ParamName);
        Assert.AreEqual("MonteCarloSamples", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            new MLContext().Mlp(new MlpOptions { Layers = [MlpLayer.Dense(8), MlpLayer.Dropout(0.5f)], MonteCarloSamples = -1 })).ParamName);
        Assert.AreEqual("members", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().MlpEnsemble(new MlpOptions(), members: 1)).ParamName);
    }

    [TestMethod]
    public void Ensemble_AveragesItsMembersProbabilities_AndTheirSpread()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Classes(mlContext, 20);
        var ensemble = mlContext.MlpEnsemble(new MlpOptions { HiddenLayers = [8], Epochs = 30, LearningRate = 0.01f, Seed = 10 }, members: 3).Fit(data);

        var scored = ensemble.Transform(data);

        var memberScores = ensemble.Members.Select(m => Column(new MlpTransformer(m, Layout(m), "Features", "Label").Transform(data), "Score")).ToList();
        var scores = Column(scored, "Score");
        var spreads = Column(scored, "ScoreStdDev");
        var labels = scored.GetColumn<uint>("PredictedLabel").ToArray();
        for (var row = 0; row < scores.Count; row++)
        {
            for (var k = 0; k < 3; k++)
            {
                var values = memberScores.Select(s => (double)s[row][k]).ToArray();
                var mean = values.Average();
                Assert.AreEqual(mean, scores[row][k], 1e-6, $"row {row}, class {k}: mean");
                Assert.AreEqual(Math.Sqrt(values.Average(v => (v - mean) * (v - mean))), spreads[row][k], 1e-5, $"row {row}, class {k}: spread");
            }

            Assert.AreEqual((uint)Array.IndexOf(scores[row], scores[row].Max()) + 1, labels[row]);
        }

        Assert.AreEqual(3, ensemble.Members.Select(m => m.GetWeights()[0].Kernel[0, 0]).Distinct().Count(), "members start from different seeds");
        Assert.IsGreaterThan(0.9, mlContext.MulticlassClassification.Evaluate(scored).MicroAccuracy);
    }

    [TestMethod]
    public void Ensemble_Binary_SavedAndLoadedInAChildProcess_GivesTheSameColumnsAndConsistentLabels()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Transforms.CopyColumns("Label", nameof(Blobs.Row.IsFirst)).Fit(mlContext.Data.LoadFromEnumerable(Blobs.Create(20, seed: 2)))
            .Transform(mlContext.Data.LoadFromEnumerable(Blobs.Create(20, seed: 2)));
        var estimator = mlContext.MlpEnsemble(new MlpOptions { Task = MlpTask.BinaryClassification, HiddenLayers = [6], Epochs = 3, Seed = 5 }, members: 2);
        var ensemble = estimator.Fit(data);
        using var directory = new TemporaryDirectory();
        var path = directory.File("ensemble.zip");
        mlContext.Model.Save(ensemble, data.Schema, path);

        var child = ModelHostProcess.Transform(mlContext, path, data, directory);

        Assert.AreEqual(0, child.ExitCode, child.StandardError);
        DataViewAssert.BitIdentical(ensemble.Transform(data), child.Output!, "Score", "Probability", "PredictedLabel", "ProbabilityStdDev");
        var scored = ensemble.Transform(data);
        var agree = scored.GetColumn<float>("Score").Zip(scored.GetColumn<bool>("PredictedLabel")).All(p => p.First > 0 == p.Second);
        Assert.IsTrue(agree, "Score > 0 exactly where PredictedLabel is true");
        EstimatorAssert.KeepsSchemaPromise(estimator, data, "ProbabilityStdDev");
        EstimatorAssert.KeepsSchemaPromise(estimator, data, "Score");
    }

    private static (MLContext MlContext, IDataView Data, MlpTransformer Model) FitMulticlass(float? dropout)
    {
        var mlContext = new MLContext(seed: 1);
        var data = Classes(mlContext, 30);
        MlpLayer[] layers = dropout is { } rate ? [MlpLayer.Dense(32), MlpLayer.Dropout(rate)] : [MlpLayer.Dense(32)];
        var model = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { Layers = layers, Epochs = 8, Seed = 2 }).Fit(data);
        return (mlContext, data, model);
    }

    private static IDataView Classes(MLContext mlContext, int perClass)
    {
        var rows = mlContext.Data.LoadFromEnumerable(Blobs.Create(perClass, seed: 2));
        return mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class)).Fit(rows).Transform(rows);
    }

    private static MlNetMlp.Scoring.Tasks.LabelLayout Layout(MlpModel model) => new(MlNetMlp.Scoring.Tasks.TaskDefinition.Multiclass, MlNetMlp.Scoring.Tasks.LabelKind.Key, model.OutputSize, null);

    private static List<float[]> Column(IDataView data, string name) => data.GetColumn<float[]>(name).Select(v => (float[])v.Clone()).ToList();

    private sealed class UncertainPrediction
    {
        public float[] ScoreMean { get; set; } = [];

        public float[] ScoreStdDev { get; set; } = [];
    }
}
