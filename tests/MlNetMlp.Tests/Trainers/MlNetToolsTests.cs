using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>
/// The ML.NET tools a user points at a trained model work on the MLP and the ensemble as on ML.NET's own trainers:
/// every overload of permutation feature importance (the typed one on the last transformer and the <c>ITransformer</c>
/// ones on the whole chain, with the same importances), cross-validation with a sampling key, prediction engines with
/// and without a label field, saving with the input schema, and prediction engines on several threads.
/// </summary>
[TestClass]
public sealed class MlNetToolsTests
{
    private const int PermutationSeed = 7;

    private static readonly string[] FeatureNames = ["Signal", "Echo", "Noise", "Drift"];

    [TestMethod]
    public void PermutationFeatureImportance_BinaryChain_ITransformerOverloadGivesTheTypedImportances()
    {
        var (model, scoredInput) = Fit(new MlpOptions { LabelColumnName = "Positive", HiddenLayers = [8], Epochs = 15, BatchSize = 10, LearningRate = 0.01f, Seed = 1 });
        var mlp = (MlpTransformer)model.LastTransformer;

        var typed = new MLContext(PermutationSeed).BinaryClassification.PermutationFeatureImportance(mlp, scoredInput, "Positive", permutationCount: 2);
        var byChain = new MLContext(PermutationSeed).BinaryClassification.PermutationFeatureImportanceNonCalibrated(model, scoredInput, "Positive", permutationCount: 2);
        var byTransformer = new MLContext(PermutationSeed).BinaryClassification.PermutationFeatureImportanceNonCalibrated(mlp, scoredInput, "Positive", permutationCount: 2);

        AssertSameImportances(typed, byChain, m => m.AreaUnderRocCurve.Mean);
        AssertSameImportances(typed, byTransformer, m => m.AreaUnderRocCurve.Mean);
        AssertSameImportances(typed, byChain, m => m.Accuracy.StandardDeviation);
        Assert.AreEqual("Signal", byChain.MinBy(pair => pair.Value.AreaUnderRocCurve.Mean).Key, "shuffling the one informative feature costs the most AUC");
    }

    [TestMethod]
    public void PermutationFeatureImportance_MulticlassChainAndEnsemble_ITransformerOverloadGivesTheTypedImportances()
    {
        var options = new MlpOptions { LabelColumnName = "Band", HiddenLayers = [12], Epochs = 20, BatchSize = 10, LearningRate = 0.01f, Seed = 2 };
        var (model, scoredInput) = Fit(options);
        var ensembleContext = new MLContext(seed: 1);
        var ensemble = ensembleContext.MlpEnsemble(options, members: 2).Fit(scoredInput);

        var typed = new MLContext(PermutationSeed).MulticlassClassification.PermutationFeatureImportance((MlpTransformer)model.LastTransformer, scoredInput, "Band");
        var byChain = new MLContext(PermutationSeed).MulticlassClassification.PermutationFeatureImportance((ITransformer)model, scoredInput, "Band");
        var ensembleTyped = new MLContext(PermutationSeed).MulticlassClassification.PermutationFeatureImportance(ensemble, scoredInput, "Band");
        var ensembleByChain = new MLContext(PermutationSeed).MulticlassClassification.PermutationFeatureImportance(
            (ITransformer)new TransformerChain<ITransformer>(ensemble), scoredInput, "Band");

        AssertSameImportances(typed, byChain, m => m.MicroAccuracy.Mean);
        AssertSameImportances(typed, byChain, m => m.LogLoss.Mean);
        AssertSameImportances(ensembleTyped, ensembleByChain, m => m.MicroAccuracy.Mean);
        Assert.AreEqual("Signal", ensembleByChain.MinBy(pair => pair.Value.MicroAccuracy.Mean).Key, "the ensemble too depends on the informative feature most");
    }

    [TestMethod]
    public void PermutationFeatureImportance_RegressionChain_ITransformerOverloadGivesTheTypedImportances()
    {
        var (model, scoredInput) = Fit(new MlpOptions { LabelColumnName = "Level", HiddenLayers = [8], Epochs = 30, BatchSize = 10, LearningRate = 0.01f, Seed = 3 });

        var typed = new MLContext(PermutationSeed).Regression.PermutationFeatureImportance((MlpTransformer)model.LastTransformer, scoredInput, "Level");
        var byChain = new MLContext(PermutationSeed).Regression.PermutationFeatureImportance((ITransformer)model, scoredInput, "Level");

        AssertSameImportances(typed, byChain, m => m.RSquared.Mean);
        AssertSameImportances(typed, byChain, m => m.MeanAbsoluteError.Mean);
        Assert.AreEqual("Signal", byChain.MinBy(pair => pair.Value.RSquared.Mean).Key);
        Assert.IsLessThan(-0.3, byChain["Signal"].RSquared.Mean, "the label is mostly the signal");
    }

    [TestMethod]
    public void CrossValidate_WithSamplingKeyColumn_KeepsEachGroupInOneFoldAndLearns()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TableRows(240, seed: 1));
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Band", "BandName").Append(mlContext.Transforms.Concatenate("Features", FeatureNames).Append(mlContext.MulticlassClassification.Trainers.Mlp(
            new MlpOptions { LabelColumnName = "Band", HiddenLayers = [12], Epochs = 20, BatchSize = 10, LearningRate = 0.01f, Seed = 4 })));

        var folds = mlContext.MulticlassClassification.CrossValidate(data, pipeline, numberOfFolds: 3, labelColumnName: "Band", samplingKeyColumnName: "Group");

        Assert.HasCount(3, folds);
        var groupsPerFold = folds.Select(fold => fold.ScoredHoldOutSet.GetColumn<string>("Group").ToHashSet()).ToList();
        for (var i = 0; i < groupsPerFold.Count; i++)
        {
            for (var j = i + 1; j < groupsPerFold.Count; j++)
            {
                Assert.IsFalse(groupsPerFold[i].Overlaps(groupsPerFold[j]), $"folds {i} and {j} share a group");
            }
        }

        Assert.IsTrue(folds.All(fold => fold.Metrics.MicroAccuracy > 0.7), string.Join(", ", folds.Select(f => f.Metrics.MicroAccuracy)));
    }

    [TestMethod]
    public void PredictionEngine_WithAndWithoutALabelField_PredictsTheSame()
    {
        var mlContext = new MLContext(seed: 1);
        var (model, _) = Fit(new MlpOptions { LabelColumnName = "Band", HiddenLayers = [8], Epochs = 10, BatchSize = 10, Seed = 5 });
        var withLabel = mlContext.Model.CreatePredictionEngine<TableRow, BandPrediction>(model);
        var withoutLabel = mlContext.Model.CreatePredictionEngine<UnlabelledRow, BandPrediction>(model);

        foreach (var row in TableRows(20, seed: 9))
        {
            var labelled = withLabel.Predict(row);
            var unlabelled = withoutLabel.Predict(new UnlabelledRow { Signal = row.Signal, Echo = row.Echo, Noise = row.Noise, Drift = row.Drift, Group = row.Group });
            Assert.AreEqual(labelled.PredictedLabel, unlabelled.PredictedLabel);
            CollectionAssert.AreEqual(labelled.Score, unlabelled.Score);
        }
    }

    [TestMethod]
    public void SaveWithInputSchema_LoadsTheSchemaAndScoresBitIdentically()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Table(mlContext, rows: 120);
        var model = Featurize(mlContext).Append(mlContext.Regression.Trainers.Mlp(new MlpOptions { LabelColumnName = "Level", HiddenLayers = [6], Epochs = 5, Seed = 6 })).Fit(data);
        using var directory = new TemporaryDirectory();
        var path = directory.File("model.zip");

        mlContext.Model.Save(model, data.Schema, path);
        var loaded = mlContext.Model.Load(path, out var schema);

        CollectionAssert.AreEqual(data.Schema.Select(c => (c.Name, c.Type)).ToList(), schema.Select(c => (c.Name, c.Type)).ToList());
        DataViewAssert.BitIdentical(model.Transform(data), loaded.Transform(data), "Features", "Score");
    }

    [TestMethod]
    public void PredictionEngines_OnePerThreadFromOneModel_AgreeWithTheSequentialPredictions()
    {
        var mlContext = new MLContext(seed: 1);
        var (model, _) = Fit(new MlpOptions { LabelColumnName = "Band", HiddenLayers = [8], Epochs = 10, BatchSize = 10, Seed = 7 });
        var rows = TableRows(400, seed: 10);
        var sequential = mlContext.Model.CreatePredictionEngine<TableRow, BandPrediction>(model);
        var expected = rows.Select(row => sequential.Predict(row).PredictedLabel).ToArray();

        using var engines = new ThreadLocal<PredictionEngine<TableRow, BandPrediction>>(() => mlContext.Model.CreatePredictionEngine<TableRow, BandPrediction>(model));
        var parallel = new uint[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = engines.Value!.Predict(rows[i]).PredictedLabel);

        CollectionAssert.AreEqual(expected, parallel);
    }

    [TestMethod]
    public void CalculateFeatureContribution_NetworkWithoutHiddenLayers_GivesWeightTimesValueAsForLinearModels()
    {
        var (model, scoredInput) = Fit(new MlpOptions { LabelColumnName = "Positive", HiddenLayers = [], Epochs = 10, BatchSize = 10, LearningRate = 0.05f, Seed = 8 });
        var mlp = (MlpTransformer)model.LastTransformer;
        var weights = mlp.Model.GetWeights().Single();

        var explained = new MLContext(seed: 1).Transforms.CalculateFeatureContribution(mlp, numberOfPositiveContributions: 4, numberOfNegativeContributions: 4, normalize: false)
            .Fit(scoredInput).Transform(scoredInput);

        var features = explained.GetColumn<float[]>("Features").Select(v => (float[])v.Clone()).ToList();
        var contributions = explained.GetColumn<float[]>("FeatureContributions").Select(v => (float[])v.Clone()).ToList();
        for (var row = 0; row < 20; row++)
        {
            for (var slot = 0; slot < FeatureNames.Length; slot++)
            {
                Assert.AreEqual(weights.Kernel[slot, 0] * features[row][slot], contributions[row][slot], 1e-5, $"row {row}, {FeatureNames[slot]}");
            }
        }
    }

    [TestMethod]
    public void CalculateFeatureContribution_HiddenLayers_EachContributionIsTheScoreLostWithoutThatFeature()
    {
        var mlContext = new MLContext(seed: 1);
        var (model, scoredInput) = Fit(new MlpOptions { LabelColumnName = "Level", HiddenLayers = [8], Activation = MlpActivation.Tanh, Epochs = 30, BatchSize = 10, LearningRate = 0.01f, Seed = 9 });
        var mlp = (MlpTransformer)model.LastTransformer;
        var explainer = mlContext.Transforms.CalculateFeatureContribution(mlp, numberOfPositiveContributions: 4, numberOfNegativeContributions: 4, normalize: false).Fit(scoredInput);
        var rows = mlContext.Data.CreateEnumerable<ScoredRow>(explainer.Transform(mlp.Transform(scoredInput)), reuseRowObject: false).Take(12).ToList();

        foreach (var row in rows)
        {
            for (var slot = 0; slot < FeatureNames.Length; slot++)
            {
                var occluded = (float[])row.Features.Clone();
                occluded[slot] = 0;
                var scoreWithout = mlp.Transform(mlContext.Data.LoadFromEnumerable(new[] { new FeaturesRow { Features = occluded } })).GetColumn<float>("Score").Single();
                Assert.AreEqual(row.Score - scoreWithout, row.FeatureContributions[slot], 1e-5, FeatureNames[slot]);
            }
        }

        var meanMagnitude = Enumerable.Range(0, FeatureNames.Length).Select(slot => rows.Average(r => Math.Abs(r.FeatureContributions[slot]))).ToList();
        Assert.AreEqual(0, meanMagnitude.IndexOf(meanMagnitude.Max()), $"the signal explains the most: {string.Join(", ", meanMagnitude)}");
    }

    [TestMethod]
    public void CalculateFeatureContribution_SavedWithTheModel_LoadsAndExplainsBitIdentically()
    {
        var mlContext = new MLContext(seed: 1);
        var (model, scoredInput) = Fit(new MlpOptions { LabelColumnName = "Positive", HiddenLayers = [6], Epochs = 8, BatchSize = 10, Seed = 10 });
        var mlp = (MlpTransformer)model.LastTransformer;
        var explained = new TransformerChain<ITransformer>(mlp, mlContext.Transforms.CalculateFeatureContribution(mlp).Fit(mlp.Transform(scoredInput)));
        using var directory = new TemporaryDirectory();
        var path = directory.File("explained.zip");

        mlContext.Model.Save(explained, scoredInput.Schema, path);
        var loaded = new MLContext(seed: 2).Model.Load(path, out _);

        DataViewAssert.BitIdentical(explained.Transform(scoredInput), loaded.Transform(scoredInput), "Score", "FeatureContributions");
    }

    [TestMethod]
    public void CalculateFeatureContribution_MulticlassNetwork_IsRefusedNamingTheAlternative()
    {
        var (model, scoredInput) = Fit(new MlpOptions { LabelColumnName = "Band", HiddenLayers = [6], Epochs = 2, Seed = 11 });
        var mlp = (MlpTransformer)model.LastTransformer;

        // ML.NET asks the network for its contributions when a cursor opens, through reflection, which wraps the refusal.
        var thrown = Assert.Throws<Exception>(() =>
            new MLContext(seed: 1).Transforms.CalculateFeatureContribution(mlp).Fit(scoredInput).Transform(scoredInput).GetColumn<float[]>("FeatureContributions").ToList());
        var error = thrown as NotSupportedException ?? (NotSupportedException)thrown.InnerException!;

        StringAssert.Contains(error.Message, "MulticlassClassification network of 3 outputs");
        StringAssert.Contains(error.Message, "PermutationFeatureImportance");
    }

    private static void AssertSameImportances<TMetric>(ImmutableArray<TMetric> typed, ImmutableDictionary<string, TMetric> byName, Func<TMetric, double> figure)
    {
        Assert.HasCount(FeatureNames.Length, typed);
        Assert.HasCount(FeatureNames.Length, byName);
        for (var slot = 0; slot < FeatureNames.Length; slot++)
        {
            Assert.AreEqual(figure(typed[slot]), figure(byName[FeatureNames[slot]]), $"feature {FeatureNames[slot]}");
        }
    }

    /// <summary>The featurized table and the fitted chain (features, then the MLP) for <paramref name="options"/>.</summary>
    private static (TransformerChain<ITransformer> Model, IDataView ScoredInput) Fit(MlpOptions options)
    {
        var mlContext = new MLContext(seed: 1);
        var data = Table(mlContext, rows: 240);
        var featurizer = Featurize(mlContext).Fit(data);
        var features = featurizer.Transform(data);
        var mlp = mlContext.Mlp(options).Fit(features);
        return (new TransformerChain<ITransformer>(featurizer, mlp), features);
    }

    /// <summary>The feature vector from the four named columns, so its slots carry their names.</summary>
    private static IEstimator<ITransformer> Featurize(MLContext mlContext) => mlContext.Transforms.Concatenate("Features", FeatureNames);

    /// <summary>The generated table with its band as a key, <c>Band</c>, as a labelled source would hold it.</summary>
    private static IDataView Table(MLContext mlContext, int rows)
    {
        var raw = mlContext.Data.LoadFromEnumerable(TableRows(rows, seed: 1));
        return mlContext.Transforms.Conversion.MapValueToKey("Band", "BandName").Fit(raw).Transform(raw);
    }

    /// <summary>
    /// Rows where the label is the signal (a noisy echo of it helps a little, noise and drift not at all): <c>Level</c>
    /// is the signal plus a little noise, <c>Positive</c> its sign, <c>BandName</c> its third; <c>Group</c> names
    /// batches of six rows.
    /// </summary>
    private static List<TableRow> TableRows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var signal = (float)(random.NextDouble() * 2 - 1);
            return new TableRow
            {
                Signal = signal,
                Echo = signal + (float)(random.NextDouble() - 0.5),
                Noise = (float)(random.NextDouble() * 2 - 1),
                Drift = i / (float)count,
                Level = 2 * signal + 0.1f * (float)(random.NextDouble() - 0.5),
                Positive = signal > 0,
                BandName = signal < -0.33f ? "low" : signal < 0.33f ? "middle" : "high",
                Group = $"g{i / 6 + seed * 1000}",
            };
        }).ToList();
    }

    private class UnlabelledRow
    {
        public float Signal { get; set; }

        public float Echo { get; set; }

        public float Noise { get; set; }

        public float Drift { get; set; }

        public string Group { get; set; } = "";
    }

    private sealed class TableRow : UnlabelledRow
    {
        public float Level { get; set; }

        public bool Positive { get; set; }

        public string BandName { get; set; } = "";
    }

    private sealed class FeaturesRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoredRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public float Score { get; set; }

        [VectorType(4)]
        public float[] FeatureContributions { get; set; } = [];
    }

    private sealed class BandPrediction
    {
        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }
}
