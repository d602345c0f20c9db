using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>
/// Class weights (Keras's <c>class_weight</c>, scikit-learn's balanced weights) on a real imbalanced table, one MNIST
/// digit kept at 1 row in 10, and label smoothing's loss against Keras's formula.
/// </summary>
[TestClass]
public sealed class ClassWeightsAndSmoothingTests
{
    private const uint RareDigit = 3;

    [TestMethod]
    public void Fit_BalancedClassWeights_RaiseTheRecallOfADigitKeptAtOneRowInTen()
    {
        var mlContext = new MLContext(seed: 1);
        var (train, test) = Imbalanced(mlContext);
        double Recall(MlpClassWeights? weights)
        {
            var model = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [32], Epochs = 4, ClassWeights = weights, Seed = 2 }).Fit(train);
            var scored = model.Transform(test);
            // The key's raw value in a column is the digit + 1.
            var pairs = scored.GetColumn<uint>("Label").Zip(scored.GetColumn<uint>("PredictedLabel")).Where(p => p.First == RareDigit + 1).ToList();
            return pairs.Count(p => p.Second == p.First) / (double)pairs.Count;
        }

        var plain = Recall(null);
        var balanced = Recall(MlpClassWeights.Balanced);

        Console.WriteLine($"Recall of digit {RareDigit} (1 training row in 10 kept): unweighted {plain:F3}, balanced {balanced:F3}");
        Assert.IsGreaterThan(plain + 0.1, balanced);
    }

    [TestMethod]
    public void Fit_ClassWeightsByIndexOfTheWrongCount_IsRefusedNamingTheLabelsClasses()
    {
        var mlContext = new MLContext(seed: 1);
        var (train, _) = Imbalanced(mlContext);

        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 1, ClassWeights = MlpClassWeights.Of(1, 2) }).Fit(train));

        Assert.AreEqual("ClassWeights", error.ParamName);
        StringAssert.StartsWith(error.Message, "ClassWeights: column 'Label' has 10 classes (0, 1, 2, 3, 4, 5, 6, 7, 8, 9); expected as many weights. Received: 2");
    }

    [TestMethod]
    public void Fit_ClassWeightsOnARegressionLabel_IsRefusedBeforeTraining()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new RegressionRow { Features = [1, 2], Label = 0.5f } });

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Mlp(new MlpOptions { Epochs = 1, ClassWeights = MlpClassWeights.Balanced }).Fit(data));

        Assert.AreEqual("ClassWeights", error.ParamName);
        StringAssert.StartsWith(error.Message, "Expected classWeights with binary or multiclass classification only. Received: classWeights=balanced for Regression on column 'Label'");
    }

    [TestMethod]
    [DataRow(0.2f)]
    [DataRow(0.5f)]
    public void Fit_LabelSmoothing_ValidationLossIsKerasSmoothedCrossEntropyOfTheScores(float smoothing)
    {
        var mlContext = new MLContext(seed: 1);
        var data = Digits(mlContext, 300);
        var validation = Digits(mlContext, 100, skip: 300);

        var model = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [16], Epochs = 2, LabelSmoothing = smoothing, ValidationData = validation, Seed = 3 }).Fit(data);

        // Keras: targets t·(1 - s) + s/K, loss -Σ t'·log p averaged over the rows.
        var scored = model.Transform(validation);
        var expected = scored.GetColumn<uint>("Label").Zip(scored.GetColumn<VBuffer<float>>("Score"), (label, score) =>
            -score.DenseValues().Select((p, k) => ((k == label - 1 ? 1 - smoothing : 0) + smoothing / 10) * Math.Log(p)).Sum()).Average();
        Assert.AreEqual(expected, model.Model.History[^1].ValidationLoss!.Value, 1e-4);
    }

    /// <summary>The first 3,000 training digits with only every tenth 3 kept, and 1,000 test digits.</summary>
    private static (IDataView Train, IDataView Test) Imbalanced(MLContext mlContext)
    {
        var threes = 0;
        // A key column read into a class gives its raw value (the digit + 1); a class loaded into a key column gives its value from 0.
        var rows = mlContext.Data.CreateEnumerable<DigitRow>(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 3000), reuseRowObject: false)
            .Where(row => row.Label != RareDigit + 1 || threes++ % 10 == 0)
            .Select(row => new DigitRow { Pixels = row.Pixels, Label = row.Label - 1 })
            .ToList();
        var train = Features(mlContext, mlContext.Data.LoadFromEnumerable(rows));
        return (mlContext.Data.ShuffleRows(train, seed: 4), Digits(mlContext, 1000, split: DataSplit.Test));
    }

    private static IDataView Digits(MLContext mlContext, int rows, int skip = 0, DataSplit split = DataSplit.Train)
    {
        var source = MnistSample.Load(split);
        return Features(mlContext, mlContext.Data.TakeRows(skip > 0 ? mlContext.Data.SkipRows(source, skip) : source, rows));
    }

    private static IDataView Features(MLContext mlContext, IDataView data) =>
        mlContext.Data.Cache(mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data));

    /// <summary>A digit as the sample holds it.</summary>
    private sealed class DigitRow
    {
        [VectorType(784)]
        public byte[] Pixels { get; set; } = [];

        [KeyType(10)]
        public uint Label { get; set; }
    }

    private sealed class RegressionRow
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
