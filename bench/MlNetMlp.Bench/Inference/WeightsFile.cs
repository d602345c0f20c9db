namespace MlNetMlp.Bench.Inference;

/// <summary>
/// The MLP's weights for the PyTorch peer, per dense layer: int32 inputs, int32 units, the kernel as units × inputs
/// float32 (torch's layout), then the units' biases; little-endian.
/// </summary>
internal static class WeightsFile
{
    public static void Write(IReadOnlyList<MlpDenseWeights> weights, string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var dense in weights)
        {
            writer.Write(dense.Inputs);
            writer.Write(dense.Units);
            for (var unit = 0; unit < dense.Units; unit++)
            {
                for (var input = 0; input < dense.Inputs; input++)
                {
                    writer.Write(dense.Kernel[input, unit]);
                }
            }

            foreach (var bias in dense.Bias)
            {
                writer.Write(bias);
            }
        }
    }
}
