using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp;

public abstract partial record MlpLayer
{
    /// <summary>A Gaussian noise layer, as Keras's <c>GaussianNoise(stddev)</c>: adds noise in training only (and in Monte Carlo passes).</summary>
    /// <param name="stddev">Standard deviation of the noise, finite and at least 0.</param>
    /// <returns>The layer description (its type is the kind's, e.g. <see cref="DenseLayer"/>).</returns>
    public static MlpLayer GaussianNoise(float stddev) => new GaussianNoiseLayer(stddev);
}

/// <summary>
/// Adds zero-mean normal noise of standard deviation <see cref="Stddev"/> to every input in training, drawn from the
/// network's seeded generator as dropout is; the identity at inference. A regularizer, as Keras's
/// <c>GaussianNoise</c>. No weights.
/// </summary>
public sealed record GaussianNoiseLayer : MlpLayer
{
    internal GaussianNoiseLayer(float stddev)
        : base(trainable: true)
    {
        Stddev = stddev;
    }

    /// <summary>The kind: <c>GaussianNoise</c>, in MlNetMlp since 0.3.</summary>
    public static MlpLayerKind LayerKind { get; } = new("GaussianNoise", "gaussian_noise", new Version(0, 3));

    /// <inheritdoc />
    public override MlpLayerKind Kind => LayerKind;

    /// <summary>The noise's standard deviation.</summary>
    public float Stddev { get; }

    /// <inheritdoc />
    public override bool IsStochastic => true;

    internal override void Validate(string option, string position) =>
        Require(Stddev >= 0 && float.IsFinite(Stddev), option, position, "a finite stddev >= 0", $"stddev={Format(Stddev)}");

    internal override LayerPass CreatePass(int inputs, LayerWeights weights) => new Pass(Stddev);

    /// <summary>The identity at inference: nothing to write.</summary>
    internal override string WriteOnnx(OnnxGraph graph, string input, LayerWeights weights) => input;

    internal override void WriteConfig(LayerConfig config) => config.Set("stddev", Stddev);

    internal static GaussianNoiseLayer FromConfig(LayerConfig config, bool trainable) => new(config.Float("stddev")) { Trainable = trainable };

    private protected override IEnumerable<string> Arguments() => [Format(Stddev)];

    /// <summary>The identity, or with noise a Monte Carlo pass's draws (every input, zeros too, so the row becomes dense).</summary>
    private sealed class Pass(float stddev) : LayerPass
    {
        public override void Run(ref LayerRow row, IStochasticNoise? noise)
        {
            if (noise is null || stddev == 0)
            {
                return;
            }

            noise.AddGaussian(row.MakeDense(), stddev);
        }
    }
}
