using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Trainers.Torch;
using MlNetMlp.Trainers.Torch.Layers;
using TorchSharp;

namespace MlNetMlp.Tests.Scoring.Layers;

/// <summary>
/// What each kind means beyond agreeing with torch: batch normalization's moving statistics (Keras's momentum, updated
/// only in training, used at inference and in Monte Carlo passes), layer normalization by hand, Gaussian noise only in
/// training and seeded, SELU's LecunNormal kernels, the Keras summary's trainable and non-trainable counts, and a torch
/// module for every kind a model file can hold.
/// </summary>
[TestClass]
public sealed class LayerSemanticsTests
{
    [TestMethod]
    public void Fit_BatchNormalizationOnTheInput_MovingStatisticsApproachTheFeaturesMeanAndVariance()
    {
        // Feature i has mean 2i and standard deviation i + 1; with momentum 0.9 and 50 batches of 64 rows the moving
        // statistics have forgotten their start (0 and 1) and follow the data.
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(ShiftedRows(3200, seed: 3));

        var model = mlContext.Regression.Trainers.Mlp(new MlpOptions { Layers = [MlpLayer.BatchNormalization(momentum: 0.9f), MlpLayer.Dense(4)], Epochs = 1, BatchSize = 64, Seed = 2 }).Fit(data).Model;

        var weights = model.GetLayerWeights(0);
        for (var i = 0; i < 3; i++)
        {
            Assert.AreEqual(2.0 * i, weights["moving_mean"][i], 0.15 * (i + 1), $"feature {i} mean");
            Assert.AreEqual((i + 1.0) * (i + 1.0), weights["moving_variance"][i], 0.25 * (i + 1) * (i + 1), $"feature {i} variance");
        }

        // gamma and beta (3 + 3), the dense layer (3·4 + 4) and the output layer (4 + 1) train; the moving statistics (3 + 3) do not.
        Assert.AreEqual(27, model.TrainableParameterCount);
        Assert.AreEqual(6, model.NonTrainableParameterCount);
    }

    [TestMethod]
    public void Fit_WithAndWithoutValidationData_SameWeightsAndMovingStatistics_ValidationNeverUpdatesThem()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(ShiftedRows(400, seed: 4));
        var validation = mlContext.Data.LoadFromEnumerable(ShiftedRows(200, seed: 5, shift: 10));
        MlpOptions Options() => new() { Layers = [MlpLayer.Dense(8), MlpLayer.BatchNormalization(), MlpLayer.Dense(4)], Epochs = 3, BatchSize = 32, Seed = 6 };

        var without = mlContext.Regression.Trainers.Mlp(Options()).Fit(data).Model;
        var options = Options();
        options.ValidationData = validation;
        var with = mlContext.Regression.Trainers.Mlp(options).Fit(data).Model;

        Assert.IsNotNull(with.History[0].ValidationLoss);
        for (var layer = 0; layer <= with.HiddenLayers.Count; layer++)
        {
            foreach (var (name, values) in without.GetLayerWeights(layer))
            {
                CollectionAssert.AreEqual(values, with.GetLayerWeights(layer)[name], $"layer {layer} {name}");
            }
        }
    }

    [TestMethod]
    public void Transform_BatchNormalization_IsTheMovingStatisticsFormula()
    {
        var architecture = new NetworkArchitecture(2, [MlpLayer.BatchNormalization(epsilon: 0.01f)], 1, MlpActivation.Linear, MlpLoss.MeanSquaredError);
        var specs = architecture.WeightSpecs();
        var model = new MlpModel(architecture,
            [new LayerWeights(specs[0], [[2, 0.5f], [1, -1], [3, -2], [4, 0.25f]]), new LayerWeights(specs[1], [[1, 1], [0]])], MlpTask.Regression, []);
        float[] raw = new float[1], activated = new float[1];

        new ForwardPass(model).Run([0, 1], [5, 0], raw, activated);

        // γ·(x - μ)/√(σ² + ε) + β per feature, then the output layer adds them: 2·(5 - 3)/√4.01 + 1 and 0.5·(0 + 2)/√0.26 - 1.
        var expected = 2 * 2 / Math.Sqrt(4.01) + 1 + 0.5 * 2 / Math.Sqrt(0.26) - 1;
        Assert.AreEqual(expected, raw[0], 1e-5);
    }

    [TestMethod]
    public void Transform_LayerNormalization_NormalizesEachRowOverItsFeatures()
    {
        var architecture = new NetworkArchitecture(4, [MlpLayer.LayerNormalization(epsilon: 0.001f)], 4, MlpActivation.Linear, MlpLoss.MeanSquaredError);
        var specs = architecture.WeightSpecs();
        var identity = new float[16];
        for (var i = 0; i < 4; i++)
        {
            identity[i * 4 + i] = 1;
        }

        var model = new MlpModel(architecture, [new LayerWeights(specs[0], [[1, 1, 2, 1], [0, 0, 0, 0.5f]]), new LayerWeights(specs[1], [identity, new float[4]])], MlpTask.Regression, []);
        float[] raw = new float[4], activated = new float[4];

        new ForwardPass(model).Run([0, 1, 3], [1, 2, 5], raw, activated);

        // Row (1, 2, 0, 5): mean 2, biased variance (1 + 0 + 4 + 9)/4 = 3.5.
        var scale = 1 / Math.Sqrt(3.5 + 0.001);
        CollectionAssert.AreEqual(new[] { -scale, 0, 2 * -2 * scale, 3 * scale + 0.5 }.Select(v => (float)v).ToArray(), raw, new FloatTolerance(1e-6f));
    }

    [TestMethod]
    public void GaussianNoiseModule_AddsSeededNoiseInTrainingOnly()
    {
        using var first = new torch.Generator(7);
        using var second = new torch.Generator(7);
        var layer = (GaussianNoiseLayer)MlpLayer.GaussianNoise(0.5f);
        using var noise = new GaussianNoiseModule(layer, new LayerBuild(50_000, first, MlpKernelInitializer.GlorotUniform));
        using var again = new GaussianNoiseModule(layer, new LayerBuild(50_000, second, MlpKernelInitializer.GlorotUniform));
        using var ones = torch.ones(50_000);

        using var noisy = noise.forward(ones);
        using var same = again.forward(ones);
        noise.eval();
        using var identity = noise.forward(ones);

        var values = noisy.data<float>().ToArray();
        var mean = values.Average(v => (double)v);
        Assert.AreEqual(1, mean, 0.01);
        Assert.AreEqual(0.5, Math.Sqrt(values.Average(v => (v - mean) * (v - mean))), 0.01);
        CollectionAssert.AreEqual(values, same.data<float>().ToArray(), "the same seed draws the same noise");
        CollectionAssert.AreEqual(ones.data<float>().ToArray(), identity.data<float>().ToArray());
    }

    [TestMethod]
    public void MonteCarloDropout_WithBatchNormalization_PassesUseTheMovingStatistics()
    {
        var mlContext = new MLContext(seed: 1);
        var data = MnistFeatures(mlContext, 600);
        MlpTransformer Fit(float rate) => mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            Layers = [MlpLayer.Dense(32), MlpLayer.BatchNormalization(), MlpLayer.Dropout(rate)],
            Epochs = 2,
            Seed = 3,
        }).Fit(data);

        // With rate 0 every stochastic pass is the deterministic one: batch normalization adds no randomness of its own.
        var still = Fit(0).WithMonteCarloDropout(samples: 5, seed: 1).Transform(data);
        var scores = still.GetColumn<VBuffer<float>>("Score").SelectMany(s => s.DenseValues()).ToArray();
        var means = still.GetColumn<VBuffer<float>>("ScoreMean").SelectMany(s => s.DenseValues()).ToArray();
        var spread = still.GetColumn<VBuffer<float>>("ScoreStdDev").SelectMany(s => s.DenseValues()).ToArray();
        CollectionAssert.AreEqual(scores, means, new FloatTolerance(1e-6f));
        Assert.IsTrue(spread.All(s => s < 1e-6f), $"largest spread {spread.Max()}");

        var sampled = Fit(0.3f).WithMonteCarloDropout(samples: 20, seed: 1).Transform(data);
        var deterministic = sampled.GetColumn<VBuffer<float>>("Score").SelectMany(s => s.DenseValues()).ToArray();
        var mean = sampled.GetColumn<VBuffer<float>>("ScoreMean").SelectMany(s => s.DenseValues()).ToArray();
        Assert.IsGreaterThan(0.01f, sampled.GetColumn<VBuffer<float>>("ScoreStdDev").SelectMany(s => s.DenseValues()).Max(), "dropout passes differ");
        Assert.IsLessThan(0.05, deterministic.Zip(mean, (d, m) => Math.Abs(d - m)).Average(), "the passes' mean stays near the deterministic pass");
    }

    [TestMethod]
    public void Network_DenseWithSelu_StartsFromLecunNormalUnlessItNamesAnother()
    {
        using var selu = new MlpNetwork(new NetworkArchitecture(400, [MlpLayer.Dense(200, MlpActivation.Selu)], 1, MlpActivation.Linear, MlpLoss.MeanSquaredError), MlpKernelInitializer.GlorotUniform, 1);
        using var named = new MlpNetwork(new NetworkArchitecture(400, [MlpLayer.Dense(200, MlpActivation.Selu, kernelInitializer: MlpKernelInitializer.GlorotUniform)], 1, MlpActivation.Linear, MlpLoss.MeanSquaredError), MlpKernelInitializer.GlorotUniform, 1);

        Assert.AreEqual(Math.Sqrt(1.0 / 400), StandardDeviation(selu.ExportWeights()[0]["kernel"]), 0.03 * Math.Sqrt(1.0 / 400));
        Assert.AreEqual(Math.Sqrt(6.0 / 600) / Math.Sqrt(3), StandardDeviation(named.ExportWeights()[0]["kernel"]), 0.03 * Math.Sqrt(2.0 / 600));
    }

    [TestMethod]
    public void Summary_BatchNormalizationAndAFrozenLayer_CountsTrainableAndNonTrainableParametersAsKeras()
    {
        var architecture = new NetworkArchitecture(784, [MlpLayer.Dense(512, trainable: false), MlpLayer.BatchNormalization(), MlpLayer.Dropout(0.5f), MlpLayer.LayerNormalization(), MlpLayer.GaussianNoise(0.1f)], 10,
            MlpActivation.Softmax, MlpLoss.CategoricalCrossEntropy);
        using var network = new MlpNetwork(architecture, MlpKernelInitializer.GlorotUniform, 1);
        var model = new MlpModel(architecture, network.ExportWeights(), MlpTask.MulticlassClassification, []);

        var summary = model.Summary();

        Console.WriteLine(summary);
        StringAssert.Contains(summary, "dense (Dense)                             (None, 512)                401,920");
        StringAssert.Contains(summary, "batch_normalization (BatchNormalization)  (None, 512)                  2,048");
        StringAssert.Contains(summary, "layer_normalization (LayerNormalization)  (None, 512)                  1,024");
        StringAssert.Contains(summary, "gaussian_noise (GaussianNoise)            (None, 512)                      0");
        StringAssert.Contains(summary, "dense_1 (Dense)                           (None, 10)                   5,130");
        // Keras: the frozen dense layer and batch normalization's moving mean and variance are non-trainable.
        StringAssert.Contains(summary, "Total params: 410,122");
        StringAssert.Contains(summary, "Trainable params: 7,178");
        StringAssert.Contains(summary, "Non-trainable params: 402,944");
    }

    [TestMethod]
    public void LayerModules_EveryKindAModelFileCanHold_HasATorchModule()
    {
        var kinds = LayerKinds.All.Select(kind => kind.Name).Order().ToArray();

        CollectionAssert.AreEqual(kinds, LayerModules.Kinds.Select(type => ((MlpLayerKind)type.GetProperty("LayerKind")!.GetValue(null)!).Name).Order().ToArray());
        CollectionAssert.AreEqual(new[] { "BatchNormalization", "Dense", "Dropout", "GaussianNoise", "LayerNormalization" }, kinds);
    }

    [TestMethod]
    [DataRow(0.99f, 1e-3f, "BatchNormalization()")]
    [DataRow(1f, 1e-3f, "Layer 2 (BatchNormalization(momentum=1)): expected momentum in [0, 1). Received: momentum=1")]
    [DataRow(0.9f, 0f, "Layer 2 (BatchNormalization(momentum=0.9, epsilon=0)): expected a finite epsilon > 0. Received: epsilon=0")]
    public void Mlp_BatchNormalizationOptions_AreCheckedWhenTheTrainerIsBuilt(float momentum, float epsilon, string expected)
    {
        var options = new MlpOptions { Layers = [MlpLayer.Dense(8), MlpLayer.Dropout(0.1f), MlpLayer.BatchNormalization(momentum, epsilon)] };

        if (expected.StartsWith("Layer", StringComparison.Ordinal))
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(options));
            Assert.AreEqual("Layers", error.ParamName);
            StringAssert.StartsWith(error.Message, expected);
        }
        else
        {
            Assert.AreEqual(expected, options.Layers[2].ToString());
            _ = new MLContext().Mlp(options);
        }
    }

    [TestMethod]
    public void Mlp_NoiseAndNormalizationOptions_AreCheckedWhenTheTrainerIsBuilt()
    {
        var noise = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(new MlpOptions { Layers = [MlpLayer.GaussianNoise(-1)] }));
        var norm = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(new MlpOptions { Layers = [MlpLayer.LayerNormalization(float.NaN)] }));

        StringAssert.StartsWith(noise.Message, "Layer 0 (GaussianNoise(-1)): expected a finite stddev >= 0. Received: stddev=-1");
        StringAssert.StartsWith(norm.Message, "Layer 0 (LayerNormalization(epsilon=NaN)): expected a finite epsilon > 0. Received: epsilon=NaN");
    }

    private static double StandardDeviation(float[] values)
    {
        var mean = values.Average(v => (double)v);
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    private static IDataView MnistFeatures(MLContext mlContext, int rows)
    {
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), rows);
        return mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data);
    }

    /// <summary>Rows whose feature i is normal with mean 2i + shift and standard deviation i + 1; the label is their sum.</summary>
    private static List<ShiftedRow> ShiftedRows(int count, int seed, float shift = 0)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var features = Enumerable.Range(0, 3).Select(i => (float)(2 * i + shift + (i + 1) * Normal(random))).ToArray();
            return new ShiftedRow { Features = features, Label = features.Sum() / 10 };
        })];
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class ShiftedRow
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class FloatTolerance(float tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
    }
}
