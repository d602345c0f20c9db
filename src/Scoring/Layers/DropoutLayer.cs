using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp;

public abstract partial record MlpLayer
{
    /// <summary>A dropout layer, as Keras's <c>Dropout(rate)</c>: active only in training (and in Monte Carlo passes).</summary>
    /// <param name="rate">Fraction of inputs to drop, in [0, 1).</param>
    /// <returns>The layer description (its type is the kind's, e.g. <see cref="DenseLayer"/>).</returns>
    public static MlpLayer Dropout(float rate) => new DropoutLayer(rate);
}

/// <summary>
/// Inverted dropout: in training each input is zeroed with probability <see cref="Rate"/> and the rest scaled by
/// 1/(1 - rate); the identity at inference. No weights; zeros stay zero, so a sparse input stays sparse.
/// </summary>
public sealed record DropoutLayer : MlpLayer
{
    internal DropoutLayer(float rate)
        : base(trainable: true)
    {
        Rate = rate;
    }

    /// <summary>The kind: <c>Dropout</c>, in MlNetMlp since 0.1.</summary>
    public static MlpLayerKind LayerKind { get; } = new("Dropout", "dropout", new Version(0, 1));

    /// <inheritdoc />
    public override MlpLayerKind Kind => LayerKind;

    /// <summary>The fraction of inputs zeroed in training.</summary>
    public override float Rate { get; }

    /// <inheritdoc />
    public override bool IsStochastic => true;

    internal override void Validate(string option, string position) =>
        Require(Rate >= 0 && Rate < 1, option, position, "rate in [0, 1)", $"rate={Format(Rate)}");

    internal override LayerPass CreatePass(int inputs, LayerWeights weights) => new Pass(Rate);

    /// <summary>The identity at inference: nothing to write.</summary>
    internal override string WriteOnnx(OnnxGraph graph, string input, LayerWeights weights) => input;

    internal override void WriteConfig(LayerConfig config) => config.Set("rate", Rate);

    internal static DropoutLayer FromConfig(LayerConfig config, bool trainable) => new(config.Float("rate")) { Trainable = trainable };

    private protected override IEnumerable<string> Arguments() => [Format(Rate)];

    /// <summary>The identity, or with noise the masks of a Monte Carlo pass (on a sparse row, over its non-zero values only).</summary>
    private sealed class Pass(float rate) : LayerPass
    {
        public override void Run(ref LayerRow row, IStochasticNoise? noise)
        {
            if (noise is null)
            {
                return;
            }

            noise.Drop(row.IsSparse ? row.MutableValues() : row.Dense, rate);
        }
    }
}
