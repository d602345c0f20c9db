using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Callbacks;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Trainers.Torch;
using MlNetMlp.Trainers.Torch.Optimizers;
using TorchSharp;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// A real training context around a tiny network (2 inputs, 3 hidden units, 1 output), for driving a callback's hooks
/// by hand with chosen epoch figures: what it decides (stop, the learning rate, weights) is then read from the context.
/// </summary>
internal sealed class CallbackHarness : IDisposable
{
    private readonly MlpNetwork _network;

    public CallbackHarness(double learningRate = 1e-3, params MlpCallback[] callbacks)
    {
        var architecture = new NetworkArchitecture(2, [MlpLayer.Dense(3)], 1, MlpActivation.Sigmoid, MlpLoss.BinaryCrossEntropy);
        _network = new MlpNetwork(architecture, MlpKernelInitializer.GlorotUniform, 1);
        var optimizer = new OptimizerSettings(MlpOptimizer.RmsProp, learningRate, 0, 0.9, 0.999, false, 0, false, GradientClipping.None);
        Loop = new TrainingLoop(_network, new TrainingSettings(10, 4, false, 1, optimizer, null, TrainingMetric.BinaryAccuracy, 0, null, torch.CPU), () => { });
        var schema = new DataViewSchema.Builder();
        schema.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 2));
        Context = new MlpTrainingContext(Loop, snapshot => new MlpTransformer(new MlpModel(architecture, snapshot.Weights, MlpTask.BinaryClassification, [.. Loop.History]),
            new LabelLayout(TaskDefinition.Binary, LabelKind.Boolean, 1, null), "Features", "Label"), schema.ToSchema(), callbacks, "harness");
    }

    public TrainingLoop Loop { get; }

    public MlpTrainingContext Context { get; }

    /// <summary>An epoch with the given figures (accuracy as the metric).</summary>
    public static MlpEpoch Epoch(int epoch, double loss = 1, double? validationLoss = null, double accuracy = 0, double? validationAccuracy = null) =>
        new(epoch, loss, accuracy, 0, validationLoss, validationLoss is null ? null : 0, validationAccuracy, "accuracy", TimeSpan.Zero);

    /// <summary>The current weights, flattened.</summary>
    public float[] Weights() => [.. _network.ExportWeights().SelectMany(layer => layer.Values.SelectMany(v => v))];

    /// <summary>Overwrites every weight with <paramref name="value"/>.</summary>
    public void SetWeights(float value) =>
        _network.ImportWeights([.. _network.ExportWeights().Select(layer => new LayerWeights(layer.Specs, [.. layer.Values.Select(v => Enumerable.Repeat(value, v.Length).ToArray())]))]);

    public void Dispose()
    {
        Loop.Dispose();
        _network.Dispose();
    }
}
