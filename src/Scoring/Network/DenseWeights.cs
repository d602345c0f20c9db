namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The trained weights of one dense layer in the layout the forward pass reads: the kernel row-major as
/// inputs × units (Keras's layout, row i holds what input i adds to every unit), then one bias per unit. A narrow
/// layer also keeps the kernel transposed, for <see cref="DenseKernels.AddColumns(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>.
/// </summary>
internal sealed class DenseWeights
{
    private readonly Lazy<float[]> _columns;

    public DenseWeights(int inputs, int units, float[] kernel, float[] bias)
    {
        if (kernel.Length != (long)inputs * units || bias.Length != units)
        {
            throw new ArgumentException($"Expected a {inputs}x{units} kernel and {units} biases. Received: {kernel.Length} kernel values and {bias.Length} biases");
        }

        Inputs = inputs;
        Units = units;
        Kernel = kernel;
        Bias = bias;
        _columns = new Lazy<float[]>(Transposed);
    }

    public int Inputs { get; }

    public int Units { get; }

    /// <summary>Inputs × units, row-major.</summary>
    public float[] Kernel { get; }

    public float[] Bias { get; }

    /// <summary>The kernel transposed, units × inputs: row u holds unit u's weight of every input.</summary>
    public float[] Columns => _columns.Value;

    private float[] Transposed()
    {
        var columns = new float[Kernel.Length];
        for (var i = 0; i < Inputs; i++)
        {
            for (var u = 0; u < Units; u++)
            {
                columns[u * Inputs + i] = Kernel[i * Units + u];
            }
        }

        return columns;
    }
}
