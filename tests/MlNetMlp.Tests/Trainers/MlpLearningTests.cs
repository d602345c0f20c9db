using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>The trainer learns real problems, each task measured by ML.NET's own evaluator.</summary>
[TestClass]
public sealed class MlpLearningTests
{
    private sealed class LinearRow
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    [TestMethod]
    public void Fit_Xor_ClassifiesAllFourPoints()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = new[] { (0f, 0f, false), (0f, 1f, true), (1f, 0f, true), (1f, 1f, false) }
            .Select(r => new TwoFeatureRow { Features = [r.Item1, r.Item2], Label = r.Item3 }).ToArray();
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var trainer = mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions
        {
            HiddenLayers = [8],
            Activation = MlpActivation.Tanh,
            Optimizer = MlpOptimizer.Adam,
            LearningRate = 0.05f,
            Epochs = 300,
            BatchSize = 4,
            Seed = 3,
        });

        var model = trainer.Fit(data);
        var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(data));

        Assert.AreEqual(1.0, metrics.Accuracy);
        Assert.AreEqual(1.0, model.Model.History[^1].TrainingMetric);
    }

    [TestMethod]
    public void Fit_MnistSubset784x512x10_ReachesNinetyFivePercentOnTheRealTestSet()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(SharedDatasets.Mnist(DataSplit.Train), 10_000);
        var test = SharedDatasets.Mnist(DataSplit.Test);
        var pipeline = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName)
            .Append(mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [512], Epochs = 10, BatchSize = 128, Seed = 7 }));

        var model = pipeline.Fit(train);
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test));
        var mlp = model.LastTransformer.Model;

        Assert.IsGreaterThanOrEqualTo(0.95, metrics.MicroAccuracy, $"micro accuracy {metrics.MicroAccuracy}");
        Console.WriteLine($"MNIST 10k train, 10 epochs: test micro accuracy {metrics.MicroAccuracy:F4}");
        Assert.HasCount(10, mlp.History);
        Assert.IsLessThan(mlp.History[0].TrainingLoss, mlp.History[^1].TrainingLoss);
        Assert.IsGreaterThan(0.95, mlp.History[^1].TrainingMetric);
    }

    [TestMethod]
    public void Fit_ImdbSubsetMultiHot_ReachesEightyPercent()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 1500));
        var test = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Test, 1500));
        var multiHot = mlContext.Transforms.WordIndex("Sequence", ImdbDataset.TextColumnName, numWords: 5000)
            .Append(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 5000))
            .Fit(train);
        var trainer = mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [16, 16], Epochs = 4, BatchSize = 512, Seed = 11 });

        var model = trainer.Fit(multiHot.Transform(train));
        var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(multiHot.Transform(test)));

        Console.WriteLine($"IMDb 3,000 train / 3,000 test reviews, 5,000-word multi-hot, 16-16-1, 4 epochs: accuracy {metrics.Accuracy:F4}, AUC {metrics.AreaUnderRocCurve:F4}");
        Assert.IsGreaterThanOrEqualTo(0.80, metrics.Accuracy, $"accuracy {metrics.Accuracy}");
        Assert.IsGreaterThan(0.85, metrics.AreaUnderRocCurve);
    }

    [TestMethod]
    public void Fit_SyntheticLinearTarget_ReachesRSquaredOfNinetyFivePercent()
    {
        var mlContext = new MLContext(seed: 1);
        var random = new Random(5);
        LinearRow Row()
        {
            float[] x = [random.NextSingle() * 2 - 1, random.NextSingle() * 2 - 1, random.NextSingle() * 2 - 1];
            return new LinearRow { Features = x, Label = 3 * x[0] - 2 * x[1] + 0.5f * x[2] + 1 + (random.NextSingle() - 0.5f) * 0.1f };
        }

        var train = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 1000).Select(_ => Row()).ToList());
        var test = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 300).Select(_ => Row()).ToList());
        var trainer = mlContext.Regression.Trainers.Mlp(hiddenLayers: [16], epochs: 30, batchSize: 32);

        var model = trainer.Fit(train);
        var metrics = mlContext.Regression.Evaluate(model.Transform(test));

        Console.WriteLine($"Linear target, 1,000 train / 300 test rows, 3-16-1, 30 epochs: R² {metrics.RSquared:F4}");
        Assert.IsGreaterThanOrEqualTo(0.95, metrics.RSquared, $"R² {metrics.RSquared}");
        Assert.AreEqual("mae", model.Model.History[^1].MetricName);
        Assert.IsLessThan(0.2, model.Model.History[^1].TrainingMetric);
    }

    [TestMethod]
    public void Fit_ExampleWeights_IgnoreRowsOfWeightZero()
    {
        var mlContext = new MLContext(seed: 1);
        var random = new Random(2);
        var rows = Enumerable.Range(0, 200).Select(i =>
        {
            var x = random.NextSingle() * 2 - 1;
            var trusted = i % 2 == 0;
            return new WeightedRow { Features = [x, random.NextSingle()], Label = trusted ? x > 0 : x <= 0, Weight = trusted ? 1 : 0 };
        }).ToList();
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var trainer = mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 40, BatchSize = 16, LearningRate = 0.01f, ExampleWeightColumnName = "Weight" });

        var predicted = trainer.Fit(data).Transform(data).GetColumn<bool>("PredictedLabel").ToArray();

        var trustedAccuracy = rows.Select((r, i) => (r, i)).Where(p => p.r.Weight == 1).Average(p => predicted[p.i] == p.r.Label ? 1.0 : 0.0);
        Assert.IsGreaterThan(0.95, trustedAccuracy);
    }

    private sealed class WeightedRow
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
