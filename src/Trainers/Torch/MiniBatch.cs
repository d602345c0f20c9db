namespace MlNetMlp.Torch;

/// <summary>
/// One mini-batch as contiguous row-major float buffers, exactly <see cref="Count"/> rows long so each becomes one
/// tensor without copying slices. Sources reuse the same instance batch after batch.
/// </summary>
internal sealed class MiniBatch
{
    public MiniBatch(int count, int featureCount, int targetCount, bool hasWeights)
    {
        Count = count;
        Features = new float[count * featureCount];
        Targets = new float[count * targetCount];
        Weights = hasWeights ? new float[count] : null;
    }

    public int Count { get; }

    /// <summary>Count × feature width.</summary>
    public float[] Features { get; }

    /// <summary>Count × target width (one-hot rows for classes, 0/1 for binary, values for regression).</summary>
    public float[] Targets { get; }

    /// <summary>Count example weights, or null when examples are unweighted.</summary>
    public float[]? Weights { get; }
}

/// <summary>Where training and validation batches come from; no ML.NET types cross this line.</summary>
internal interface IMiniBatchSource
{
    int FeatureCount { get; }

    int TargetCount { get; }

    /// <summary>The rows in batches of <paramref name="batchSize"/> (the last may be smaller), in an order drawn from <paramref name="shuffle"/>, or in order when null.</summary>
    IEnumerable<MiniBatch> Batches(int batchSize, Random? shuffle);
}
