namespace MlNetMlp;

/// <summary>The weights of one dense layer, in Keras's layout.</summary>
/// <param name="Kernel">Inputs × units: <c>Kernel[i, u]</c> multiplies input i on its way to unit u.</param>
/// <param name="Bias">One value per unit.</param>
public sealed record MlpDenseWeights(float[,] Kernel, float[] Bias)
{
    /// <summary>Inputs of the layer.</summary>
    public int Inputs => Kernel.GetLength(0);

    /// <summary>Units of the layer.</summary>
    public int Units => Kernel.GetLength(1);
}
