namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// One named weight of a layer and its shape, as Keras names them (<c>kernel</c> [inputs, units], <c>bias</c>,
/// <c>gamma</c>, <c>beta</c>, <c>moving_mean</c>, <c>moving_variance</c>). <paramref name="Trainable"/> is false for
/// values the optimizer never updates (batch normalization's moving statistics).
/// </summary>
internal sealed record LayerWeight(string Name, IReadOnlyList<int> Shape, bool Trainable = true)
{
    /// <summary>The number of values, the product of the shape.</summary>
    public long Length => Shape.Aggregate(1L, (product, size) => product * size);

    /// <summary>The shape as Keras prints it: <c>(784, 512)</c>.</summary>
    public string ShapeText => $"({string.Join(", ", Shape)})";
}
