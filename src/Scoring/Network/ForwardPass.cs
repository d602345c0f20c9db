using MlNetMlp.Scoring.Layers;

namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The network's inference, in managed code: one row at a time, given as its non-zero inputs, through every layer's
/// <see cref="LayerPass"/> and then the output activation. Stochastic layers are the identity unless an
/// <see cref="IStochasticNoise"/> is given, which draws the randomness of a Monte Carlo pass. One instance holds the
/// scratch vectors of one thread; nothing is allocated per row.
/// </summary>
internal sealed class ForwardPass
{
    private readonly LayerPass[] _layers;
    private readonly int _inputSize;
    private readonly MlpActivation _outputActivation;
    private readonly LayerScratch _scratch;

    public ForwardPass(MlpModel model)
    {
        var architecture = model.Architecture;
        _layers = [.. architecture.LayersWithInputs().Zip(model.Weights, (entry, weights) => entry.Layer.CreatePass(entry.Inputs, weights))];
        _inputSize = architecture.InputSize;
        _outputActivation = architecture.OutputActivation;
        _scratch = new LayerScratch(architecture.WidestVector, architecture.InputSize);
    }

    /// <summary>
    /// Computes one row from its non-zero inputs (<paramref name="indices"/>, <paramref name="values"/>): the output
    /// layer's values before (<paramref name="raw"/>) and after (<paramref name="activated"/>) the output activation.
    /// </summary>
    public void Run(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> raw, Span<float> activated, IStochasticNoise? noise = null)
    {
        var row = new LayerRow(indices, values, _inputSize, _scratch);
        foreach (var layer in _layers)
        {
            layer.Run(ref row, noise);
        }

        row.Dense.CopyTo(raw);
        row.Dense.CopyTo(activated);
        ActivationFunction.Apply(_outputActivation, activated);
    }
}
