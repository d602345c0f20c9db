namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// The trained values of one layer's weights, each a flat row-major array in the shape its <see cref="LayerWeight"/>
/// gives; empty for layers without weights.
/// </summary>
internal sealed class LayerWeights
{
    private readonly float[][] _values;

    public LayerWeights(IReadOnlyList<LayerWeight> specs, IReadOnlyList<float[]> values)
    {
        if (specs.Count != values.Count)
        {
            throw new ArgumentException($"Expected {specs.Count} weights ({string.Join(", ", specs.Select(s => s.Name))}). Received: {values.Count}", nameof(values));
        }

        for (var i = 0; i < specs.Count; i++)
        {
            if (values[i].Length != specs[i].Length)
            {
                throw new ArgumentException($"Expected '{specs[i].Name}' of shape {specs[i].ShapeText}, {specs[i].Length} values. Received: {values[i].Length} values", nameof(values));
            }
        }

        Specs = specs;
        _values = [.. values];
    }

    /// <summary>No weights, for layers that have none.</summary>
    public static LayerWeights None { get; } = new([], []);

    /// <summary>Each weight's name and shape, in the order the layer defines them.</summary>
    public IReadOnlyList<LayerWeight> Specs { get; }

    /// <summary>The values of every weight, in <see cref="Specs"/> order.</summary>
    public IReadOnlyList<float[]> Values => _values;

    /// <summary>The values of the weight named <paramref name="name"/>.</summary>
    public float[] this[string name]
    {
        get
        {
            for (var i = 0; i < Specs.Count; i++)
            {
                if (Specs[i].Name == name)
                {
                    return _values[i];
                }
            }

            throw new KeyNotFoundException($"Expected a weight named '{name}'. Received: {string.Join(", ", Specs.Select(s => s.Name))}");
        }
    }

    /// <summary>Whether the weights are exactly those <paramref name="expected"/> describes: the same names and shapes, in order.</summary>
    public bool Match(IReadOnlyList<LayerWeight> expected) =>
        expected.Count == Specs.Count && expected.Zip(Specs).All(pair => pair.First.Name == pair.Second.Name && pair.First.Shape.SequenceEqual(pair.Second.Shape));

    /// <summary>The names and shapes, as <c>kernel (784, 512), bias (512)</c>.</summary>
    public static string Describe(IReadOnlyList<LayerWeight> specs) =>
        specs.Count == 0 ? "no weights" : string.Join(", ", specs.Select(s => $"{s.Name} {s.ShapeText}"));
}
