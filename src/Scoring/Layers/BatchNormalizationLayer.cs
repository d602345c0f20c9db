using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp;

public abstract partial record MlpLayer
{
    /// <summary>
    /// A batch normalization layer, as Keras's <c>BatchNormalization(momentum=0.99, epsilon=0.001, center, scale)</c>:
    /// in training each feature is normalized by the batch's mean and variance and the moving statistics are updated;
    /// at inference (and in Monte Carlo passes) the moving statistics are used.
    /// </summary>
    /// <param name="momentum">Weight of the old moving statistics in each update, in [0, 1) (torch's momentum is 1 - this).</param>
    /// <param name="epsilon">Added to the variance before its square root, finite and above 0.</param>
    /// <param name="center">Whether a learned offset <c>beta</c> is added.</param>
    /// <param name="scale">Whether a learned factor <c>gamma</c> multiplies.</param>
    /// <param name="trainable">False to freeze gamma, beta and the moving statistics (the layer then always normalizes with its moving statistics).</param>
    /// <returns>The layer description (its type is the kind's, e.g. <see cref="DenseLayer"/>).</returns>
    public static MlpLayer BatchNormalization(float momentum = BatchNormalizationLayer.DefaultMomentum, float epsilon = NormalizationAffine.DefaultEpsilon, bool center = true, bool scale = true, bool trainable = true) =>
        new BatchNormalizationLayer(momentum, epsilon, center, scale, trainable);
}

/// <summary>
/// Batch normalization (Ioffe and Szegedy, 2015) of each feature: γ·(x - μ)/√(σ² + ε) + β, with the batch's μ and σ²
/// in training and the moving ones at inference. Weights <c>gamma</c> and <c>beta</c> (when scale and center are on)
/// and the non-trainable <c>moving_mean</c> and <c>moving_variance</c>, as Keras names them.
/// </summary>
public sealed record BatchNormalizationLayer : MlpLayer
{
    internal BatchNormalizationLayer(float momentum, float epsilon, bool center, bool scale, bool trainable)
        : base(trainable)
    {
        Momentum = momentum;
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
    }

    /// <summary>Keras's default momentum.</summary>
    public const float DefaultMomentum = 0.99f;

    /// <summary>The kind: <c>BatchNormalization</c>, in MlNetMlp since 0.3.</summary>
    public static MlpLayerKind LayerKind { get; } = new("BatchNormalization", "batch_normalization", new Version(0, 3));

    /// <inheritdoc />
    public override MlpLayerKind Kind => LayerKind;

    /// <summary>Keras's momentum: moving = momentum·moving + (1 - momentum)·batch.</summary>
    public float Momentum { get; }

    /// <summary>Added to the variance before its square root.</summary>
    public float Epsilon { get; }

    /// <summary>Whether the learned offset <c>beta</c> is added.</summary>
    public bool Center { get; }

    /// <summary>Whether the learned factor <c>gamma</c> multiplies.</summary>
    public bool Scale { get; }

    internal override void Validate(string option, string position)
    {
        Require(Momentum >= 0 && Momentum < 1, option, position, "momentum in [0, 1)", $"momentum={Format(Momentum)}");
        Require(Epsilon > 0 && float.IsFinite(Epsilon), option, position, "a finite epsilon > 0", $"epsilon={Format(Epsilon)}");
    }

    internal override IReadOnlyList<LayerWeight> WeightsFor(int inputs) =>
    [
        .. NormalizationAffine.Weights(inputs, Scale, Center),
        new("moving_mean", [inputs], Trainable: false),
        new("moving_variance", [inputs], Trainable: false),
    ];

    internal override LayerPass CreatePass(int inputs, LayerWeights weights)
    {
        var (factor, offset) = Affine(inputs, weights);
        return new Pass(factor, offset);
    }

    internal override string WriteOnnx(OnnxGraph graph, string input, LayerWeights weights)
    {
        var inputs = weights["moving_mean"].Length;
        var (factor, offset) = Affine(inputs, weights);
        return graph.Apply("Add", graph.Apply("Mul", input, graph.Constant(factor, 1, inputs)), graph.Constant(offset, 1, inputs));
    }

    internal override void WriteConfig(LayerConfig config)
    {
        config.Set("momentum", Momentum);
        config.Set("epsilon", Epsilon);
        config.Set("center", Center);
        config.Set("scale", Scale);
    }

    internal static BatchNormalizationLayer FromConfig(LayerConfig config, bool trainable) =>
        new(config.Float("momentum"), config.Float("epsilon"), config.Boolean("center"), config.Boolean("scale"), trainable);

    private protected override IEnumerable<string> Arguments() =>
        (Momentum != DefaultMomentum ? [$"momentum={Format(Momentum)}"] : Array.Empty<string>()).Concat(NormalizationAffine.Arguments(Epsilon, Center, Scale, Format));

    /// <summary>
    /// Inference as one multiply-add per feature, computed as torch computes it: factor = γ/√(σ² + ε) and
    /// offset = β - μ·factor, in float.
    /// </summary>
    private (float[] Factor, float[] Offset) Affine(int inputs, LayerWeights weights)
    {
        var mean = weights["moving_mean"];
        var variance = weights["moving_variance"];
        var gamma = NormalizationAffine.Gamma(weights, Scale);
        var beta = NormalizationAffine.Beta(weights, Center);
        var factor = new float[inputs];
        var offset = new float[inputs];
        for (var i = 0; i < inputs; i++)
        {
            factor[i] = 1 / MathF.Sqrt(variance[i] + Epsilon) * (gamma?[i] ?? 1);
            offset[i] = (beta?[i] ?? 0) - mean[i] * factor[i];
        }

        return (factor, offset);
    }

    /// <summary>x·factor + offset, feature by feature (a sparse row becomes dense: zeros move off zero).</summary>
    private sealed class Pass(float[] factor, float[] offset) : LayerPass
    {
        public override void Run(ref LayerRow row, IStochasticNoise? noise)
        {
            var x = row.MakeDense();
            System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(x, factor, offset, x);
        }
    }
}
