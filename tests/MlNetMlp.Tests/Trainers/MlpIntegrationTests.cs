using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>The trainer inside ML.NET: schemas, evaluators, cross-validation, PFI, prediction engines, labels of every kind, and the training controls.</summary>
[TestClass]
public sealed class MlpIntegrationTests
{
    private sealed class VectorLabelRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        [VectorType(3)]
        public float[] Label { get; set; } = [];
    }

    private sealed class SparseRow
    {
        [VectorType(4)]
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }

    [TestMethod]
    public void GetOutputSchema_MatchesTheSchemaFitProduces()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Keyed(mlContext, Blobs.Create(10, seed: 1));
        foreach (var trainer in new[] { mlContext.Mlp(hiddenLayers: [4], epochs: 1), mlContext.Mlp(new MlpOptions { LabelColumnName = "IsFirst", HiddenLayers = [4], Epochs = 1 }) })
        {
            var promised = trainer.GetOutputSchema(MlNetMlp.Core.Data.ColumnRequirements.ShapeOf(data.Schema));
            var produced = trainer.Fit(data).GetOutputSchema(data.Schema);

            foreach (var column in produced.Where(c => !c.IsHidden))
            {
                var shape = promised.Single(c => c.Name == column.Name);
                Assert.AreEqual(column.Type is VectorDataViewType, shape.Kind == SchemaShape.Column.VectorKind.Vector, column.Name);
                Assert.AreEqual(column.Type is KeyDataViewType, shape.IsKey, column.Name);
                Assert.AreEqual(((column.Type as VectorDataViewType)?.ItemType ?? column.Type).RawType, shape.ItemType.RawType, column.Name);
            }
        }
    }

    [TestMethod]
    public void CrossValidateAndPermutationFeatureImportance_WorkUnchanged()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Keyed(mlContext, Blobs.Create(20, seed: 2));
        var trainer = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 20, BatchSize = 8, LearningRate = 0.01f });

        var folds = mlContext.MulticlassClassification.CrossValidate(data, trainer, numberOfFolds: 3);
        var model = trainer.Fit(data);
        var importance = mlContext.MulticlassClassification.PermutationFeatureImportance(model, data, permutationCount: 1);

        Assert.HasCount(3, folds);
        Assert.IsTrue(folds.All(f => f.Metrics.MicroAccuracy > 0.9), string.Join(", ", folds.Select(f => f.Metrics.MicroAccuracy)));
        Assert.HasCount(4, importance);
        Assert.IsLessThan(-0.05, importance.Min(i => i.MicroAccuracy.Mean), "shuffling an informative feature costs accuracy");
    }

    [TestMethod]
    public void PredictionEngine_TwoInputs_GiveTheirOwnPredictions()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Blobs.Create(20, seed: 2);
        var data = Keyed(mlContext, rows);
        var model = mlContext.Mlp(hiddenLayers: [8], epochs: 20, batchSize: 8).Fit(data);
        var engine = mlContext.Model.CreatePredictionEngine<Blobs.Row, Prediction>(model);

        var red = engine.Predict(rows[0]);
        var green = engine.Predict(rows[1]);

        Assert.AreEqual(1u, red.PredictedLabel);
        Assert.AreEqual(2u, green.PredictedLabel);
        Assert.AreEqual(1.0, red.Score.Sum(), 1e-5);
    }

    [TestMethod]
    public void Fit_OneHotVectorLabelWithSlotNames_PredictsKeyOfThoseClasses()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Blobs.Create(20, seed: 2);
        var data = VectorLabels(mlContext, rows.Select(r => new VectorLabelRow { Features = r.Features, Label = OneHot(r.Class) }));

        var model = mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 20, BatchSize = 8, LearningRate = 0.01f }).Fit(data);
        var output = model.Transform(data);

        Assert.AreEqual(MlpTask.MulticlassClassification, model.Model.Task);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), output.Schema["PredictedLabel"].Type);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        output.Schema["PredictedLabel"].GetKeyValues(ref names);
        CollectionAssert.AreEqual(new[] { "red", "green", "blue" }, names.DenseValues().Select(n => n.ToString()).ToArray());
        var predicted = output.GetColumn<uint>("PredictedLabel").ToArray();
        var expected = rows.Select(r => (uint)Array.IndexOf(new[] { "red", "green", "blue" }, r.Class) + 1).ToArray();
        Assert.IsGreaterThan(0.9, predicted.Zip(expected).Count(p => p.First == p.Second) / (double)rows.Count);
    }

    [TestMethod]
    public void Fit_VectorLabelWithSeveralOnes_TrainsMultilabel()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Blobs.Create(20, seed: 2);
        var data = VectorLabels(mlContext, rows.Select(r => new VectorLabelRow { Features = r.Features, Label = [r.Class == "red" ? 1 : 0, r.Class != "blue" ? 1 : 0, r.Features[3] > 0 ? 1 : 0] }));

        var model = mlContext.Mlp(new MlpOptions { Task = MlpTask.MultilabelClassification, HiddenLayers = [16], Epochs = 60, BatchSize = 8, LearningRate = 0.01f }).Fit(data);
        var output = model.Transform(data);

        Assert.AreEqual(MlpTask.MultilabelClassification, model.Model.Task);
        Assert.AreEqual(new VectorDataViewType(BooleanDataViewType.Instance, 3), output.Schema["PredictedLabel"].Type);
        Assert.IsGreaterThan(0.9, model.Model.History[^1].TrainingMetric);
    }

    [TestMethod]
    public void Fit_VectorRegressionWithSigmoidAndMse_PredictsValuesInZeroToOne()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Blobs.Create(20, seed: 2);
        var data = VectorLabels(mlContext, rows.Select(r => new VectorLabelRow { Features = r.Features, Label = [0.2f, 0.5f, 0.9f] }));

        var model = mlContext.Regression.Trainers.Mlp(new MlpOptions { HiddenLayers = [4], OutputActivation = MlpActivation.Sigmoid, Loss = MlpLoss.MeanSquaredError, Epochs = 60, BatchSize = 8, LearningRate = 0.01f }).Fit(data);
        var scores = model.Transform(data).GetColumn<float[]>("Score").ToArray();

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), model.Transform(data).Schema["Score"].Type);
        Assert.AreEqual(0.2, scores.Average(s => s[0]), 0.05);
        Assert.AreEqual(0.9, scores.Average(s => s[2]), 0.05);
    }

    [TestMethod]
    public void Fit_SameSeed_GivesIdenticalWeightsAndHistory()
    {
        var first = TrainSeeded(seed: 21, cacheLimit: MlpOptions.Defaults.InMemoryCacheLimitBytes);
        var second = TrainSeeded(seed: 21, cacheLimit: MlpOptions.Defaults.InMemoryCacheLimitBytes);
        var other = TrainSeeded(seed: 22, cacheLimit: MlpOptions.Defaults.InMemoryCacheLimitBytes);

        AssertSameWeights(first, second);
        CollectionAssert.AreEqual(WithoutTime(first.History), WithoutTime(second.History));
        CollectionAssert.AreNotEqual(WithoutTime(first.History), WithoutTime(other.History));
    }

    [TestMethod]
    public void Fit_StreamedInOrder_GivesTheSameWeightsAsCachedInOrder()
    {
        var cached = TrainSeeded(seed: 5, cacheLimit: MlpOptions.Defaults.InMemoryCacheLimitBytes, shuffle: false);
        var streamed = TrainSeeded(seed: 5, cacheLimit: 0, shuffle: false);

        AssertSameWeights(cached, streamed);
    }

    [TestMethod]
    public void Fit_SparseFeatures_GiveTheSameWeightsAsDense()
    {
        var mlContext = new MLContext(seed: 1);
        var random = new Random(3);
        var dense = Enumerable.Range(0, 64).Select(_ => Enumerable.Range(0, 4).Select(_ => random.Next(3) == 0 ? 1f : 0f).ToArray()).ToList();
        var options = new MlpOptions { HiddenLayers = [6], Epochs = 3, BatchSize = 16, Seed = 4 };
        var sparseRows = dense.Select(d =>
        {
            var indices = Enumerable.Range(0, 4).Where(i => d[i] != 0).ToArray();
            return new SparseRow { Features = new VBuffer<float>(4, indices.Length, indices.Select(_ => 1f).ToArray(), indices), Label = d[0] + d[1] > d[2] };
        }).ToList();
        var denseRows = dense.Select(d => new SparseRow { Features = new VBuffer<float>(4, d), Label = d[0] + d[1] > d[2] }).ToList();

        var fromSparse = mlContext.Mlp(options).Fit(mlContext.Data.LoadFromEnumerable(sparseRows)).Model;
        var fromDense = mlContext.Mlp(options).Fit(mlContext.Data.LoadFromEnumerable(denseRows)).Model;

        AssertSameWeights(fromSparse, fromDense);
    }

    [TestMethod]
    public void Fit_EarlyStoppingOnValidationLoss_StopsPatienceEpochsAfterTheBest()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Keyed(mlContext, Blobs.Create(20, seed: 2));
        var options = new MlpOptions
        {
            HiddenLayers = [64],
            Epochs = 200,
            BatchSize = 4,
            LearningRate = 0.01f,
            ValidationFraction = 0.3f,
            Seed = 3,
            EarlyStopping = new MlpEarlyStopping { Patience = 2, RestoreBestWeights = true },
        };

        var model = mlContext.Mlp(options).Fit(data);
        var history = model.Model.History;

        Assert.IsLessThan(200, history.Count);
        var best = history.MinBy(e => e.ValidationLoss)!;
        Assert.AreEqual(history.Count - 2, best.Epoch);
        // The restored weights are the best epoch's: their cross-entropy on the validation rows (the last 30%) is its val_loss.
        var output = model.Transform(data);
        var scores = output.GetColumn<float[]>("Score").ToArray();
        var labels = output.GetColumn<uint>("Label").ToArray();
        var validationRows = Enumerable.Range(60 - 18, 18);
        var crossEntropy = validationRows.Average(r => -Math.Log(scores[r][labels[r] - 1]));
        Assert.AreEqual(best.ValidationLoss!.Value, crossEntropy, 1e-4);
    }

    [TestMethod]
    public void Fit_InitialWeightsWithTinySgdStep_StartsFromTheGivenModel()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Keyed(mlContext, Blobs.Create(10, seed: 2));
        var pretrained = mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 3, Seed = 1 }).Fit(data).Model;

        var tuned = mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 1, Seed = 99, Optimizer = MlpOptimizer.Sgd, LearningRate = 1e-9f, InitialWeights = pretrained }).Fit(data).Model;

        var expected = pretrained.GetWeights()[0].Kernel.Cast<float>().ToArray();
        var actual = tuned.GetWeights()[0].Kernel.Cast<float>().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], 1e-6);
        }
    }

    [TestMethod]
    public void Fit_CancelledThroughMlContext_StopsBetweenBatches()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Keyed(mlContext, Blobs.Create(20, seed: 2));
        var epochs = new List<MlpEpoch>();
        var trainer = mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 50, Progress = e => { epochs.Add(e); CancelExecution(mlContext); } });

        Assert.ThrowsExactly<OperationCanceledException>(() => trainer.Fit(data));

        Assert.HasCount(1, epochs);
    }

    [TestMethod]
    public void Fit_ReportsEveryEpochThroughProgressAndMlContextLog()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Keyed(mlContext, Blobs.Create(10, seed: 2));
        var log = new List<string>();
        mlContext.Log += (_, e) => { lock (log) { log.Add(e.Message); } };
        var reported = new List<MlpEpoch>();

        var model = mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 3, ValidationFraction = 0.2f, Progress = reported.Add }).Fit(data);

        CollectionAssert.AreEqual(model.Model.History.ToList(), reported);
        Assert.IsTrue(reported.All(e => e.ValidationLoss is not null && e.ValidationMetric is not null && e.WallTime > TimeSpan.Zero));
        lock (log)
        {
            Assert.HasCount(3, log.Where(m => m.Contains("Epoch ") && m.Contains("val_loss")));
        }
    }

    [TestMethod]
    public void Summary_Mnist784x512x10_ListsLayersShapesAndParameterCounts()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 20);
        var pipeline = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName)
            .Append(mlContext.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(512), MlpLayer.Dropout(0.5f)], Epochs = 1 }));

        var summary = pipeline.Fit(data).LastTransformer.Model.Summary();

        StringAssert.Contains(summary, "dense (Dense)               (None, 512)                401,920");
        StringAssert.Contains(summary, "dropout (Dropout)           (None, 512)                      0");
        StringAssert.Contains(summary, "Total params: 40");
    }

    /// <summary>ML.NET cancels through its internal ICancelable interface (what a host calls to stop training).</summary>
    private static void CancelExecution(MLContext mlContext)
    {
        var environment = typeof(MLContext).GetField("_env", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(mlContext)!;
        environment.GetType().GetInterfaces().Single(i => i.Name == "ICancelable").GetMethod("CancelExecution")!.Invoke(environment, null);
    }

    private static MlpModel TrainSeeded(int seed, long cacheLimit, bool shuffle = true)
    {
        var mlContext = new MLContext();
        var data = Keyed(mlContext, Blobs.Create(15, seed: 2));
        return mlContext.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(8), MlpLayer.Dropout(0.2f)], Epochs = 3, BatchSize = 8, Seed = seed, Shuffle = shuffle, InMemoryCacheLimitBytes = cacheLimit }).Fit(data).Model;
    }

    private static void AssertSameWeights(MlpModel expected, MlpModel actual)
    {
        for (var layer = 0; layer < expected.GetWeights().Count; layer++)
        {
            CollectionAssert.AreEqual(expected.GetWeights()[layer].Kernel, actual.GetWeights()[layer].Kernel, $"layer {layer} kernel");
            CollectionAssert.AreEqual(expected.GetWeights()[layer].Bias, actual.GetWeights()[layer].Bias, $"layer {layer} bias");
        }
    }

    private static List<MlpEpoch> WithoutTime(IEnumerable<MlpEpoch> history) => history.Select(e => e with { WallTime = TimeSpan.Zero }).ToList();

    private static IDataView Keyed(MLContext mlContext, List<Blobs.Row> rows)
    {
        var data = mlContext.Data.LoadFromEnumerable(rows);
        return mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class)).Fit(data).Transform(data);
    }

    private static float[] OneHot(string name) => [name == "red" ? 1 : 0, name == "green" ? 1 : 0, name == "blue" ? 1 : 0];

    private static IDataView VectorLabels(MLContext mlContext, IEnumerable<VectorLabelRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(VectorLabelRow));
        var names = new VBuffer<ReadOnlyMemory<char>>(3, new[] { "red", "green", "blue" }.Select(n => n.AsMemory()).ToArray());
        schema["Label"].AddAnnotation("SlotNames", names, new VectorDataViewType(TextDataViewType.Instance, 3));
        return mlContext.Data.LoadFromEnumerable(rows.ToList(), schema);
    }
}
