using System.Runtime.InteropServices;

namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// Every layer's weights as bytes: the layer count, then per layer its weight count and per weight its name, rank,
/// sizes and float32 values (little-endian, whole spans). Read back against the weights the architecture expects, so
/// a name, shape or length that differs is refused by <c>check</c> with what was found and what was expected.
/// </summary>
internal static class LayerWeightsCodec
{
    public static void Write(BinaryWriter stream, IReadOnlyList<LayerWeights> layers)
    {
        stream.Write(layers.Count);
        foreach (var weights in layers)
        {
            stream.Write(weights.Specs.Count);
            foreach (var (spec, values) in weights.Specs.Zip(weights.Values))
            {
                stream.Write(spec.Name);
                stream.Write(spec.Shape.Count);
                foreach (var size in spec.Shape)
                {
                    stream.Write(size);
                }

                stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            }
        }
    }

    /// <summary>Reads the weights of layers shaped as <paramref name="expected"/>; <paramref name="check"/> throws with its message when its condition is false.</summary>
    public static List<LayerWeights> Read(BinaryReader stream, IReadOnlyList<IReadOnlyList<LayerWeight>> expected, Action<bool, string> check)
    {
        var count = stream.ReadInt32();
        check(count == expected.Count, $"weights for {count} layers, expected {expected.Count}");
        var result = new List<LayerWeights>();
        for (var layer = 0; layer < expected.Count; layer++)
        {
            var specs = expected[layer];
            var weightCount = stream.ReadInt32();
            check(weightCount == specs.Count, $"layer {layer} has {weightCount} weights, expected {LayerWeights.Describe(specs)}");
            var values = new List<float[]>();
            foreach (var spec in specs)
            {
                var name = stream.ReadString();
                var rank = stream.ReadInt32();
                check(rank is >= 0 and <= 8, $"layer {layer} weight '{name}' has rank {rank}");
                var shape = Enumerable.Range(0, rank).Select(_ => stream.ReadInt32()).ToArray();
                check(name == spec.Name && shape.SequenceEqual(spec.Shape), $"layer {layer} holds '{name}' ({string.Join(", ", shape)}) where {spec.Name} {spec.ShapeText} was expected");
                var remaining = stream.BaseStream.Length - stream.BaseStream.Position;
                check(spec.Length <= remaining / sizeof(float), $"a weight of {spec.Length} values where {remaining} bytes remain");
                var floats = new float[spec.Length];
                stream.BaseStream.ReadExactly(MemoryMarshal.AsBytes(floats.AsSpan()));
                values.Add(floats);
            }

            result.Add(new LayerWeights(specs, values));
        }

        return result;
    }
}
