using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;

namespace MlNetMlp.Tests.Trainers;

/// <summary>
/// Frozen layers and <c>InitialWeights</c> make transfer learning: a network trained on the digits 0-4 keeps its
/// lower layers, frozen, and a new head learns the digits 5-9 from 10 examples of each, beside fine-tuning every
/// layer from the same start and training from scratch on the same 50 examples (the embedded MNIST sample: real digits).
/// </summary>
[TestClass]
public sealed class TransferLearningTests
{
    private const int ExamplesPerDigit = 10;

    [TestMethod]
    public void Fit_FrozenLowerLayersFromDigits0To4_NewHeadLearns5To9FromFiftyExamples_FrozenWeightsBitIdentical()
    {
        var mlContext = new MLContext(seed: 1);
        var pretrained = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            Layers = [MlpLayer.Dense(256), MlpLayer.BatchNormalization()],
            Epochs = 10,
            BatchSize = 64,
            Seed = 1,
        }).Fit(Digits(mlContext, DataSplit.Train, 0, perDigit: 800)).Model;
        var few = Digits(mlContext, DataSplit.Train, 5, perDigit: ExamplesPerDigit);
        var test = Digits(mlContext, DataSplit.Test, 5, perDigit: 1000);
        double Accuracy(bool frozen, MlpModel? start)
        {
            var transformer = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
            {
                Layers = [MlpLayer.Dense(256, trainable: !frozen), MlpLayer.BatchNormalization(trainable: !frozen)],
                InitialWeights = start,
                InitialWeightsIncludeTop = false,
                Epochs = 50,
                BatchSize = 10,
                Seed = 2,
            }).Fit(few);
            if (frozen)
            {
                AssertFrozen(pretrained, transformer.Model);
            }

            return mlContext.MulticlassClassification.Evaluate(transformer.Transform(test)).MicroAccuracy;
        }

        var transfer = Accuracy(frozen: true, pretrained);
        var fineTuned = Accuracy(frozen: false, pretrained);
        var scratch = Accuracy(frozen: false, start: null);

        Console.WriteLine($"Digits 5-9 from {5 * ExamplesPerDigit} examples, {test.GetRowCount()} test rows: frozen layers from 0-4 + new head {transfer:F3}, " +
            $"every layer fine-tuned from 0-4 {fineTuned:F3}, from scratch {scratch:F3}");
        Assert.IsGreaterThan(0.6, transfer, "the frozen features and a new head learn the new digits (chance is 0.2)");
        Assert.IsGreaterThan(0.6, scratch);
    }

    [TestMethod]
    public void Fit_InitialWeightsIncludeTop_TakesTheOutputLayerOnlyWhenOn()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Digits(mlContext, DataSplit.Train, 0, perDigit: 20);
        var start = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [16], Epochs = 2, Seed = 1 }).Fit(data).Model;
        MlpModel Continue(bool includeTop) => mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            HiddenLayers = [16],
            InitialWeights = start,
            InitialWeightsIncludeTop = includeTop,
            Optimizer = MlpOptimizer.Sgd,
            LearningRate = 1e-9f,
            Epochs = 1,
            Seed = 5,
        }).Fit(data).Model;

        var withTop = Continue(includeTop: true).GetLayerWeights(1)["kernel"];
        var newTop = Continue(includeTop: false).GetLayerWeights(1)["kernel"];

        var kernel = start.GetLayerWeights(1)["kernel"];
        Assert.IsLessThan(1e-6, withTop.Zip(kernel, (a, b) => Math.Abs(a - b)).Max());
        Assert.IsGreaterThan(0.01, newTop.Zip(kernel, (a, b) => Math.Abs(a - b)).Max());
    }

    [TestMethod]
    public void Fit_InitialWeightsWithOtherFeatures_IsRefusedRatherThanStartingAfresh()
    {
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [], Epochs = 1 }).Fit(Digits(mlContext, DataSplit.Train, 0, perDigit: 5)).Model;
        var narrower = mlContext.Transforms.CopyColumns("All", "Features")
            .Append(mlContext.Transforms.Concatenate("Features", "All", "All"))
            .Fit(Digits(mlContext, DataSplit.Train, 5, perDigit: 5));

        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [], Epochs = 1, InitialWeights = model })
            .Fit(narrower.Transform(Digits(mlContext, DataSplit.Train, 5, perDigit: 5))));

        Assert.AreEqual("InitialWeights", error.ParamName);
        StringAssert.StartsWith(error.Message, "InitialWeights: the given model's output layer takes 784 inputs; this network's takes 1568.");
    }

    /// <summary>Asserts that every hidden layer of <paramref name="trained"/> holds exactly <paramref name="start"/>'s weights.</summary>
    private static void AssertFrozen(MlpModel start, MlpModel trained)
    {
        for (var layer = 0; layer < start.HiddenLayers.Count; layer++)
        {
            foreach (var (name, values) in start.GetLayerWeights(layer))
            {
                CollectionAssert.AreEqual(values, trained.GetLayerWeights(layer)[name], $"frozen layer {layer} {name} is bit-identical after Fit");
            }
        }

        Assert.AreEqual(trained.GetLayerWeights(start.HiddenLayers.Count).Values.Sum(w => (long)w.Length), trained.TrainableParameterCount, "only the head trains");
    }

    /// <summary>
    /// <paramref name="perDigit"/> rows of each of the five digits from <paramref name="first"/>, pixels scaled to
    /// [0, 1] as <c>Features</c>, labelled as a key of five classes (digit - first), shuffled.
    /// </summary>
    private static IDataView Digits(MLContext mlContext, DataSplit split, int first, int perDigit)
    {
        var data = MnistSample.Load(split);
        var pixels = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data);
        var taken = new int[5];
        var rows = new List<DigitRow>();
        foreach (var row in mlContext.Data.CreateEnumerable<KeyedRow>(pixels, reuseRowObject: false))
        {
            // A key column read into a class gives its raw value, the digit + 1; a class loaded into a key column gives its value from 0.
            var digit = (int)row.Label - 1 - first;
            if (digit is >= 0 and < 5 && taken[digit] < perDigit)
            {
                taken[digit]++;
                rows.Add(new DigitRow { Features = row.Features, Label = (uint)digit });
            }
        }

        return mlContext.Data.ShuffleRows(mlContext.Data.LoadFromEnumerable(rows), seed: 3);
    }

    /// <summary>A row of the scaled sample.</summary>
    /// <summary>A row of the scaled sample.</summary>
    private static IDataView Digits10(MLContext mlContext, DataSplit split, int first, int perDigit)
    {
        var data = MnistSample.Load(split);
        var pixels = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data);
        var taken = new int[5];
        var rows = new List<KeyedRow>();
        foreach (var row in mlContext.Data.CreateEnumerable<KeyedRow>(pixels, reuseRowObject: false))
        {
            // A key column read into a class gives its raw value, the digit + 1; a class loaded into a key column gives its value from 0.
            var digit = (int)row.Label - 1 - first;
            if (digit is >= 0 and < 5 && taken[digit] < perDigit)
            {
                taken[digit]++;
                rows.Add(row);
            }
        }

        return mlContext.Data.ShuffleRows(mlContext.Data.LoadFromEnumerable(rows), seed: 3);
    }

    private sealed class KeyedRow
    {
        [VectorType(784)]
        public float[] Features { get; set; } = [];

        [KeyType(10)]
        public uint Label { get; set; }
    }

    private sealed class DigitRow
    {
        [VectorType(784)]
        public float[] Features { get; set; } = [];

        [KeyType(5)]
        public uint Label { get; set; }
    }
}
