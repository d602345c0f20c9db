using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp;

public abstract partial record MlpLayer
{
    /// <summary>A layer normalization layer, as Keras's <c>LayerNormalization(epsilon=0.001, center, scale)</c>: each row normalized over its features.</summary>
    /// <param name="epsilon">Added to the variance before its square root, finite and above 0.</param>
    /// <param name="center">Whether a learned offset <c>beta</c> is added.</param>
    /// <param name="scale">Whether a learned factor <c>gamma</c> multiplies.</param>
    /// <param name="trainable">False to keep gamma and beta as they start.</param>
    /// <returns>The layer description (its type is the kind's, e.g. <see cref="DenseLayer"/>).</returns>
    public static MlpLayer LayerNormalization(float epsilon = NormalizationAffine.DefaultEpsilon, bool center = true, bool scale = true, bool trainable = true) =>
        new LayerNormalizationLayer(epsilon, center, scale, trainable);
}

/// <summary>
/// Layer normalization (Ba, Kiros and Hinton, 2016): each row's features normalized by the row's own mean and
/// (biased) variance, γ·(x - μ)/√(σ² + ε) + β; the same in training and at inference. Weights <c>gamma</c> and
/// <c>beta</c> when scale and center are on.
/// </summary>
public sealed record LayerNormalizationLayer : MlpLayer
{
    internal LayerNormalizationLayer(float epsilon, bool center, bool scale, bool trainable)
        : base(trainable)
    {
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
    }

    /// <summary>The kind: <c>LayerNormalization</c>, in MlNetMlp since 0.3.</summary>
    public static MlpLayerKind LayerKind { get; } = new("LayerNormalization", "layer_normalization", new Version(0, 3));

    /// <inheritdoc />
    public override MlpLayerKind Kind => LayerKind;

    /// <summary>Added to the variance before its square root.</summary>
    public float Epsilon { get; }

    /// <summary>Whether the learned offset <c>beta</c> is added.</summary>
    public bool Center { get; }

    /// <summary>Whether the learned factor <c>gamma</c> multiplies.</summary>
    public bool Scale { get; }

    internal override void Validate(string option, string position) =>
        Require(Epsilon > 0 && float.IsFinite(Epsilon), option, position, "a finite epsilon > 0", $"epsilon={Format(Epsilon)}");

    internal override IReadOnlyList<LayerWeight> WeightsFor(int inputs) => NormalizationAffine.Weights(inputs, Scale, Center);

    internal override LayerPass CreatePass(int inputs, LayerWeights weights) =>
        new Pass(Epsilon, NormalizationAffine.Gamma(weights, Scale), NormalizationAffine.Beta(weights, Center));

    internal override string WriteOnnx(OnnxGraph graph, string input, LayerWeights weights)
    {
        var mean = graph.Apply("ReduceMean", [input], node => node.AddAttribute("axes", new long[] { 1 }));
        var deviation = graph.Apply("Sub", input, mean);
        var variance = graph.Apply("ReduceMean", [graph.Apply("Mul", deviation, deviation)], node => node.AddAttribute("axes", new long[] { 1 }));
        var normalized = graph.Apply("Div", deviation, graph.Apply("Sqrt", graph.Apply("Add", variance, graph.Constant(Epsilon))));
        if (Scale)
        {
            var gamma = weights["gamma"];
            normalized = graph.Apply("Mul", normalized, graph.Constant(gamma, 1, gamma.Length));
        }

        if (Center)
        {
            var beta = weights["beta"];
            normalized = graph.Apply("Add", normalized, graph.Constant(beta, 1, beta.Length));
        }

        return normalized;
    }

    internal override void WriteConfig(LayerConfig config)
    {
        config.Set("epsilon", Epsilon);
        config.Set("center", Center);
        config.Set("scale", Scale);
    }

    internal static LayerNormalizationLayer FromConfig(LayerConfig config, bool trainable) =>
        new(config.Float("epsilon"), config.Boolean("center"), config.Boolean("scale"), trainable);

    private protected override IEnumerable<string> Arguments() => NormalizationAffine.Arguments(Epsilon, Center, Scale, Format);

    /// <summary>The row's mean and variance in double, then each feature normalized, scaled and shifted (a sparse row becomes dense).</summary>
    private sealed class Pass(float epsilon, float[]? gamma, float[]? beta) : LayerPass
    {
        public override void Run(ref LayerRow row, IStochasticNoise? noise)
        {
            var x = row.MakeDense();
            double sum = 0;
            foreach (var value in x)
            {
                sum += value;
            }

            var mean = sum / x.Length;
            double squares = 0;
            foreach (var value in x)
            {
                squares += (value - mean) * (value - mean);
            }

            var inverse = 1 / Math.Sqrt(squares / x.Length + epsilon);
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = (float)((x[i] - mean) * inverse * (gamma?[i] ?? 1) + (beta?[i] ?? 0));
            }
        }
    }
}
