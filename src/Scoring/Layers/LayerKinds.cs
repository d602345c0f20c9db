namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// The layer kinds this release can read from a model file, each with how its saved configuration becomes the layer.
/// The one registration a new kind needs.
/// </summary>
internal static class LayerKinds
{
    private static readonly Dictionary<string, (MlpLayerKind Kind, Func<LayerConfig, bool, MlpLayer> FromConfig)> Known = new[]
    {
        Register(DenseLayer.LayerKind, DenseLayer.FromConfig),
        Register(DropoutLayer.LayerKind, DropoutLayer.FromConfig),
        Register(BatchNormalizationLayer.LayerKind, BatchNormalizationLayer.FromConfig),
        Register(LayerNormalizationLayer.LayerKind, LayerNormalizationLayer.FromConfig),
        Register(GaussianNoiseLayer.LayerKind, GaussianNoiseLayer.FromConfig),
    }.ToDictionary(entry => entry.Kind.Name, StringComparer.Ordinal);

    /// <summary>Every kind this release knows.</summary>
    public static IEnumerable<MlpLayerKind> All => Known.Values.Select(entry => entry.Kind);

    /// <summary>Whether a kind of this name is known.</summary>
    public static bool IsKnown(string name) => Known.ContainsKey(name);

    /// <summary>The layer a saved configuration of kind <paramref name="name"/> describes.</summary>
    public static MlpLayer FromConfig(string name, LayerConfig config, bool trainable) => Known[name].FromConfig(config, trainable);

    private static (MlpLayerKind Kind, Func<LayerConfig, bool, MlpLayer> FromConfig) Register<T>(MlpLayerKind kind, Func<LayerConfig, bool, T> fromConfig)
        where T : MlpLayer => (kind, fromConfig);
}
