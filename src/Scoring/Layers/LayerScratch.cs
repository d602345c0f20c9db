namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// The vectors one thread's forward pass works in, allocated once: two buffers that layer outputs alternate between,
/// the gathered non-zero entries of a dense vector, and a copy of the input's values for layers that change them.
/// </summary>
internal sealed class LayerScratch(int widest, int inputSize)
{
    public float[][] Buffers { get; } = [new float[widest], new float[widest]];

    public int[] NonZeroIndices { get; } = new int[widest];

    public float[] NonZeroValues { get; } = new float[widest];

    public float[] InputValues { get; } = new float[inputSize];
}
