using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Trainers.Torch;
using MlNetMlp.Trainers.Torch.Layers;
using MlNetMlp.Trainers.Torch.Optimizers;
using TorchSharp;

namespace MlNetMlp.Tests.Trainers;

/// <summary>The torch side on its own: penalty, dropout, initializers and the Keras RMSprop step, checked against hand computations.</summary>
[TestClass]
public sealed class MlpNetworkTests
{
    private static readonly float[] HiddenKernel = [0.5f, -1f, 2f, 1.5f, -0.25f, 1f];

    [TestMethod]
    public void Penalty_L2OnKnownWeights_EqualsLambdaTimesSumOfSquares()
    {
        using var network = KnownNetwork(MlpLayer.Dense(3, MlpActivation.Relu, l2: 0.001f));

        using var penalty = network.Penalty()!;

        var sumOfSquares = HiddenKernel.Sum(w => w * w);
        Assert.AreEqual(8.5625f, sumOfSquares);
        Assert.AreEqual(0.001 * 8.5625, penalty.item<float>(), 1e-9);
    }

    [TestMethod]
    public void Forward_NetworkMovedToAnotherDevice_KeepsEveryTensorThere_DropoutMasksIncluded()
    {
        // No GPU here: libtorch's "meta" device (shapes, no data) stands in for one, so every path that made a tensor on
        // the CPU regardless of the network's device (the dropout mask was one) fails or leaves the device. Meta has no
        // kernel for ReLU, hence tanh and sigmoid here.
        using var network = new MlpNetwork(new NetworkArchitecture(4, [MlpLayer.Dense(8, MlpActivation.Tanh), MlpLayer.Dropout(0.5f), MlpLayer.Dense(6, MlpActivation.Sigmoid)], 3, MlpActivation.Softmax, MlpLoss.CategoricalCrossEntropy), MlpKernelInitializer.GlorotUniform, 1);
        var meta = new torch.Device(DeviceType.META);
        network.to(meta);
        network.train();
        using var input = torch.ones([5, 4], device: meta);

        using var output = network.forward(input);

        Assert.IsTrue(network.parameters().All(p => p.device_type == DeviceType.META), "every weight moved");
        Assert.AreEqual(DeviceType.META, output.device_type);
        CollectionAssert.AreEqual(new long[] { 5, 3 }, output.shape);
    }

    [TestMethod]
    public void Parameters_AreEachDenseKernelAndBiasOnce()
    {
        using var network = new MlpNetwork(new NetworkArchitecture(4, [MlpLayer.Dense(8), MlpLayer.Dropout(0.5f), MlpLayer.Dense(6)], 3, MlpActivation.Softmax, MlpLoss.CategoricalCrossEntropy), MlpKernelInitializer.GlorotUniform, 1);

        var shapes = network.parameters().Select(p => string.Join("x", p.shape)).ToArray();

        CollectionAssert.AreEqual(new[] { "8x4", "8", "6x8", "6", "3x6", "3" }, shapes);
    }

    [TestMethod]
    public void Penalty_L1AndL2_AddsBothAndIgnoresBiasAndOtherLayers()
    {
        using var network = KnownNetwork(MlpLayer.Dense(3, MlpActivation.Relu, l1: 0.01f, l2: 0.001f));

        using var penalty = network.Penalty()!;

        Assert.AreEqual(0.01 * 6.25 + 0.001 * 8.5625, penalty.item<float>(), 1e-8);
    }

    [TestMethod]
    public void TrainingLoop_PenaltyPartOfHistory_IsThePenaltyOfTheWeightsTheBatchSaw()
    {
        using var network = KnownNetwork(MlpLayer.Dense(3, MlpActivation.Relu, l2: 0.001f));
        var optimizer = new OptimizerSettings(MlpOptimizer.RmsProp, 1e-3, 0, 0.9, 0.999, false, 0, false, GradientClipping.None);
        var settings = new TrainingSettings(1, 4, false, 1, optimizer, null, TrainingMetric.MeanAbsoluteError, 0, null, torch.CPU);
        using var loop = new TrainingLoop(network, settings, () => { });

        var history = loop.Run(new FixedBatch([1, 2, 3, 4, 5, 6, 7, 8], [1, 0, 1, 0]), null, new NoHooks());

        Assert.AreEqual(0.0085625, history[0].PenaltyLoss, 1e-9);
        Assert.IsGreaterThan(history[0].PenaltyLoss, history[0].TrainingLoss);
    }

    [TestMethod]
    public void Predict_WithDropout_IsDeterministicAtInference()
    {
        using var network = new MlpNetwork(new NetworkArchitecture(4, [MlpLayer.Dense(32), MlpLayer.Dropout(0.5f)], 2, MlpActivation.Softmax, MlpLoss.CategoricalCrossEntropy), MlpKernelInitializer.GlorotUniform, 5);
        network.eval();
        using var input = torch.tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f }, [1, 4]);

        using var first = network.forward(input);
        using var second = network.forward(input);

        CollectionAssert.AreEqual(first.data<float>().ToArray(), second.data<float>().ToArray());
    }

    [TestMethod]
    public void DropoutModule_InTraining_ZeroesAboutTheRateAndScalesTheRest()
    {
        using var generator = new torch.Generator(3);
        using var dropout = new DropoutModule((DropoutLayer)MlpLayer.Dropout(0.25f), new LayerBuild(100_000, generator, MlpKernelInitializer.GlorotUniform));
        using var ones = torch.ones(100_000);

        using var output = dropout.forward(ones);
        dropout.eval();
        using var identity = dropout.forward(ones);

        var values = output.data<float>().ToArray();
        Assert.IsTrue(values.All(v => v == 0f || Math.Abs(v - 1 / 0.75f) < 1e-6), "every kept value is scaled by 1/(1 - rate)");
        Assert.AreEqual(0.25, values.Count(v => v == 0) / 100_000.0, 0.01);
        CollectionAssert.AreEqual(ones.data<float>().ToArray(), identity.data<float>().ToArray());
    }

    [TestMethod]
    public void RmsPropOptimizer_OneStep_MatchesKerasFormula()
    {
        using var parameter = torch.tensor(new float[] { 1f, -2f }).requires_grad_();
        using var optimizer = new RmsPropOptimizer([(parameter, false)], learningRate: 0.1, rho: 0.9, epsilon: 1e-7, weightDecay: 0, GradientClipping.None);
        using (var loss = (parameter * torch.tensor(new float[] { 0.001f, 3f })).sum())
        {
            loss.backward();
        }

        optimizer.Step();

        // v = 0.1·g², w -= lr·g / sqrt(v + ε): for g = 0.001 Keras's ε inside the root matters (PyTorch would step ~0.3161).
        var values = parameter.data<float>().ToArray();
        Assert.AreEqual(1 - 0.1 * 0.001 / Math.Sqrt(0.1 * 1e-6 + 1e-7), values[0], 1e-6);
        Assert.AreEqual(-2 - 0.1 * 3 / Math.Sqrt(0.1 * 9 + 1e-7), values[1], 1e-6);
    }

    [TestMethod]
    public void KernelInitialization_GlorotUniform_StaysWithinKerasLimit()
    {
        var kernel = InitializedKernel(MlpKernelInitializer.GlorotUniform, inputs: 300, units: 100);

        var limit = Math.Sqrt(6.0 / 400);
        Assert.IsTrue(kernel.All(w => Math.Abs(w) <= limit));
        Assert.AreEqual(limit / Math.Sqrt(3), StandardDeviation(kernel), limit * 0.03);
    }

    [TestMethod]
    public void KernelInitialization_HeNormal_HasKerasStandardDeviationAndCut()
    {
        var kernel = InitializedKernel(MlpKernelInitializer.HeNormal, inputs: 400, units: 200);

        var stddev = Math.Sqrt(2.0 / 400);
        Assert.AreEqual(stddev, StandardDeviation(kernel), stddev * 0.03);
        Assert.IsTrue(kernel.All(w => Math.Abs(w) <= 2 * stddev / 0.87962566103423978 + 1e-6));
    }

    [TestMethod]
    public void KernelInitialization_LecunNormal_HasKerasStandardDeviationAndCut()
    {
        var kernel = InitializedKernel(MlpKernelInitializer.LecunNormal, inputs: 400, units: 200);

        var stddev = Math.Sqrt(1.0 / 400);
        Assert.AreEqual(stddev, StandardDeviation(kernel), stddev * 0.03);
        Assert.IsTrue(kernel.All(w => Math.Abs(w) <= 2 * stddev / 0.87962566103423978 + 1e-6));
    }

    [TestMethod]
    public void KernelInitialization_Orthogonal_GivesOrthonormalColumns()
    {
        var kernel = InitializedKernel(MlpKernelInitializer.Orthogonal, inputs: 20, units: 8);

        for (var a = 0; a < 8; a++)
        {
            for (var b = 0; b < 8; b++)
            {
                var dot = Enumerable.Range(0, 20).Sum(i => (double)kernel[i * 8 + a] * kernel[i * 8 + b]);
                Assert.AreEqual(a == b ? 1 : 0, dot, 1e-5, $"columns {a} and {b}");
            }
        }
    }

    /// <summary>A 2-3-1 network whose hidden kernel is <see cref="HiddenKernel"/> (Keras layout, 2 × 3) and output kernel all ones.</summary>
    private static MlpNetwork KnownNetwork(MlpLayer hidden)
    {
        var network = new MlpNetwork(new NetworkArchitecture(2, [hidden], 1, MlpActivation.Sigmoid, MlpLoss.BinaryCrossEntropy), MlpKernelInitializer.GlorotUniform, 1);
        var specs = network.Architecture.WeightSpecs();
        network.ImportWeights([new LayerWeights(specs[0], [HiddenKernel, [0.1f, 0.2f, 0.3f]]), new LayerWeights(specs[1], [[1, 1, 1], [5]])]);
        return network;
    }

    /// <summary>The hidden kernel in Keras layout (inputs × units, row-major).</summary>
    private static float[] InitializedKernel(MlpKernelInitializer initializer, int inputs, int units)
    {
        using var network = new MlpNetwork(new NetworkArchitecture(inputs, [MlpLayer.Dense(units)], 1, MlpActivation.Linear, MlpLoss.MeanSquaredError), initializer, 42);
        return network.ExportWeights()[0]["kernel"];
    }

    private static double StandardDeviation(float[] values)
    {
        var mean = values.Average(v => (double)v);
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    private sealed class FixedBatch(float[] features, float[] targets) : IMiniBatchSource
    {
        public int FeatureCount => 2;

        public int TargetCount => 1;

        public IEnumerable<MiniBatch> Batches(int batchSize, Random? shuffle)
        {
            var batch = new MiniBatch(targets.Length, 2, 1, hasWeights: false);
            features.CopyTo(batch.Features);
            targets.CopyTo(batch.Targets);
            yield return batch;
        }

        public void SkipShuffle(Random shuffle)
        {
        }
    }

    private sealed class NoHooks : ITrainingHooks
    {
        public bool StopRequested => false;

        public void TrainBegin()
        {
        }

        public void EpochBegin(int epoch)
        {
        }

        public void BatchEnd(int epoch, int batch, int rows, double loss)
        {
        }

        public void EpochEnd(MlpEpoch epoch)
        {
        }

        public void TrainEnd()
        {
        }
    }
}
