using Microsoft.ML.Data;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Prediction;
using MlNetMlp.Trainers.Torch;
using TorchSharp;

namespace MlNetMlp.Tests.Scoring;

/// <summary>The managed forward pass against torch's on the same weights, and its handling of sparse rows and dropout.</summary>
[TestClass]
public sealed class ForwardPassTests
{
    private static readonly MlpActivation[] Activations =
        [MlpActivation.Linear, MlpActivation.Relu, MlpActivation.Sigmoid, MlpActivation.Tanh, MlpActivation.Elu, MlpActivation.Gelu, MlpActivation.Softmax, MlpActivation.Selu, MlpActivation.Silu, MlpActivation.Mish];

    public static IEnumerable<object[]> HiddenAndOutputActivations =>
        Activations.SelectMany(hidden => new[] { MlpActivation.Softmax, MlpActivation.Sigmoid, MlpActivation.Linear, MlpActivation.Tanh }
            .Select(output => new object[] { hidden, output }));

    [TestMethod]
    [DynamicData(nameof(HiddenAndOutputActivations))]
    public void Run_EveryActivation_MatchesTorchWithin1e5(MlpActivation hidden, MlpActivation output)
    {
        var architecture = new NetworkArchitecture(12, [MlpLayer.Dense(16, hidden), MlpLayer.Dropout(0.3f), MlpLayer.Dense(8, hidden)], 5, output, MlpLoss.MeanSquaredError);
        using var network = new MlpNetwork(architecture, MlpKernelInitializer.GlorotUniform, seed: 5);
        var pass = new ForwardPass(new MlpModel(architecture, network.ExportWeights(), MlpTask.Regression, []));
        var rows = RandomRows(40, 12, seed: 9);

        var (torchRaw, torchActivated) = TorchForward(network, rows, output);

        float[] raw = new float[5], activated = new float[5];
        for (var row = 0; row < rows.Length; row++)
        {
            var block = Block(rows[row]);
            pass.Run(block.Indices(0), block.Values(0), raw, activated);
            for (var unit = 0; unit < 5; unit++)
            {
                Assert.AreEqual(torchRaw[row * 5 + unit], raw[unit], 1e-5 * Math.Max(1, Math.Abs(raw[unit])), $"raw, row {row}, unit {unit}");
                Assert.AreEqual(torchActivated[row * 5 + unit], activated[unit], 1e-5, $"activated, row {row}, unit {unit}");
            }
        }
    }

    [TestMethod]
    public void Add_DenseRowAndTheSameRowSparse_KeepTheSameNonZeroInputs()
    {
        float[] dense = [0, 2.5f, 0, 0, -1, 0, 3];
        var sparse = new VBuffer<float>(7, 3, [2.5f, -1, 3], [1, 4, 6]);
        var block = new FeatureBlock("Features", 7);

        block.Add(new VBuffer<float>(7, dense), position: 0);
        block.Add(sparse, position: 1);

        CollectionAssert.AreEqual(new[] { 1, 4, 6 }, block.Indices(0).ToArray());
        CollectionAssert.AreEqual(block.Indices(0).ToArray(), block.Indices(1).ToArray());
        CollectionAssert.AreEqual(block.Values(0).ToArray(), block.Values(1).ToArray());
    }

    [TestMethod]
    public void Add_NaNFeature_ThrowsNamingColumnRowAndSlot()
    {
        var block = new FeatureBlock("Pixels", 3);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => block.Add(new VBuffer<float>(3, [1, float.NaN, 0]), position: 42));

        StringAssert.StartsWith(error.Message, "Column 'Pixels', row 42, slot 1: expected finite feature values, found NaN.");
    }

    [TestMethod]
    public void Run_WithNoiseThatDropsEverything_LeavesOnlyTheLayerAfterTheDropoutsBias()
    {
        var architecture = new NetworkArchitecture(3, [MlpLayer.Dense(4), MlpLayer.Dropout(0.5f)], 2, MlpActivation.Linear, MlpLoss.MeanSquaredError);
        var specs = architecture.WeightSpecs();
        var weights = new[]
        {
            new LayerWeights(specs[0], [Enumerable.Range(1, 12).Select(i => (float)i).ToArray(), [1, 1, 1, 1]]),
            LayerWeights.None,
            new LayerWeights(specs[2], [Enumerable.Range(1, 8).Select(i => (float)i).ToArray(), [0.25f, -0.5f]]),
        };
        var pass = new ForwardPass(new MlpModel(architecture, weights, MlpTask.Regression, []));
        float[] raw = new float[2], activated = new float[2], deterministic = new float[2];

        pass.Run([0, 2], [1f, 2f], raw, activated, new DropEverything());
        pass.Run([0, 2], [1f, 2f], deterministic, activated);

        CollectionAssert.AreEqual(new[] { 0.25f, -0.5f }, raw);
        // Hidden units: bias 1 + 1·row0 + 2·row2 of the kernel = [1+1+18, 1+2+20, 1+3+22, 1+4+24] = [20, 23, 26, 29].
        CollectionAssert.AreEqual(new[] { 0.25f + 20 * 1 + 23 * 3 + 26 * 5 + 29 * 7, -0.5f + 20 * 2 + 23 * 4 + 26 * 6 + 29 * 8 }, deterministic);
    }

    private static FeatureBlock Block(float[] row)
    {
        var block = new FeatureBlock("Features", row.Length);
        block.Add(new VBuffer<float>(row.Length, row), position: 0);
        return block;
    }

    /// <summary>Rows of values in [-2, 2] with about a third of them zero, as sparse inputs have.</summary>
    private static float[][] RandomRows(int count, int width, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, width).Select(_ => random.NextDouble() < 0.33 ? 0f : (float)(random.NextDouble() * 4 - 2)).ToArray())
            .ToArray();
    }

    private static (float[] Raw, float[] Activated) TorchForward(MlpNetwork network, float[][] rows, MlpActivation output)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        network.eval();
        var input = torch.tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);
        var raw = network.forward(input);
        return (raw.data<float>().ToArray(), MlNetMlp.Trainers.Torch.Activations.Apply(output, raw).data<float>().ToArray());
    }

    private sealed class DropEverything : IStochasticNoise
    {
        public void Drop(Span<float> units, float rate) => units.Clear();

        public void AddGaussian(Span<float> units, float stddev) => throw new InvalidOperationException("This network has no noise layer.");
    }
}
