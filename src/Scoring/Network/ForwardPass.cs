namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The network's inference, in managed code: one row at a time, given as its non-zero inputs, through every layer.
/// A layer works on the non-zero entries of its input only (<see cref="DenseKernels"/>), so zero pixels, absent words
/// and units a ReLU switched off cost nothing, and a 10,000-word multi-hot row costs its words, not its width.
/// Dropout is the identity unless a <see cref="IDropoutNoise"/> is given, which draws the masks of a stochastic
/// (Monte Carlo dropout) pass. One instance holds the scratch vectors of one thread; nothing is allocated per row.
/// </summary>
internal sealed class ForwardPass
{
    private readonly MlpLayer[] _layers;
    private readonly MlpActivation _outputActivation;
    private readonly IReadOnlyList<DenseWeights> _weights;
    private readonly float[] _even;
    private readonly float[] _odd;
    private readonly int[] _nonZeroIndices;
    private readonly float[] _nonZeroValues;
    private readonly float[] _maskedInput;

    public ForwardPass(NetworkArchitecture architecture, IReadOnlyList<DenseWeights> weights)
    {
        _layers = [.. architecture.Layers];
        _outputActivation = architecture.OutputActivation;
        _weights = weights;
        var widest = architecture.WidestLayer;
        _even = new float[widest];
        _odd = new float[widest];
        _nonZeroIndices = new int[widest];
        _nonZeroValues = new float[widest];
        _maskedInput = architecture.HiddenLayers.Count > 0 && architecture.HiddenLayers[0].Kind == MlpLayerKind.Dropout ? new float[architecture.InputSize] : [];
    }

    /// <summary>
    /// Computes one row from its non-zero inputs (<paramref name="indices"/>, <paramref name="values"/>): the output
    /// layer's values before (<paramref name="raw"/>) and after (<paramref name="activated"/>) the output activation.
    /// </summary>
    public void Run(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> raw, Span<float> activated, IDropoutNoise? noise = null)
    {
        Span<float> current = default;
        var fromInput = true;
        var dense = 0;
        foreach (var layer in _layers)
        {
            if (layer.Kind == MlpLayerKind.Dropout)
            {
                if (noise is not null && fromInput)
                {
                    // Zero inputs stay zero under any mask, so only the non-zero ones are drawn.
                    values.CopyTo(_maskedInput);
                    values = _maskedInput.AsSpan(0, values.Length);
                    noise.Drop(_maskedInput.AsSpan(0, values.Length), layer.Rate);
                }
                else
                {
                    noise?.Drop(current, layer.Rate);
                }

                continue;
            }

            var weights = _weights[dense];
            var output = (dense++ % 2 == 0 ? _even : _odd).AsSpan(0, weights.Units);
            weights.Bias.CopyTo(output);
            if (DenseKernels.IsNarrow(weights.Units))
            {
                if (fromInput)
                {
                    DenseKernels.AddColumns(indices, values, weights.Columns, weights.Inputs, output);
                }
                else
                {
                    DenseKernels.AddColumns(current, weights.Columns, output);
                }
            }
            else
            {
                if (!fromInput)
                {
                    var count = NonZeros(current);
                    indices = _nonZeroIndices.AsSpan(0, count);
                    values = _nonZeroValues.AsSpan(0, count);
                }

                DenseKernels.AddRows(indices, values, weights.Kernel, weights.Units, output);
            }

            ActivationFunction.Apply(layer.Activation, output);
            current = output;
            fromInput = false;
        }

        current.CopyTo(raw);
        current.CopyTo(activated);
        ActivationFunction.Apply(_outputActivation, activated);
    }

    /// <summary>Gathers the non-zero entries of a layer's output as the next layer's sparse input.</summary>
    private int NonZeros(ReadOnlySpan<float> vector)
    {
        var count = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] != 0)
            {
                _nonZeroIndices[count] = i;
                _nonZeroValues[count++] = vector[i];
            }
        }

        return count;
    }
}
