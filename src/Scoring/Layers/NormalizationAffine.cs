namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// What the normalization kinds share: the learned factor <c>gamma</c> (when scale is on) and offset <c>beta</c> (when
/// center is on), one per feature, and the arguments their constructor call shows beyond Keras's defaults.
/// </summary>
internal static class NormalizationAffine
{
    /// <summary>Keras's default epsilon for both normalization kinds.</summary>
    public const float DefaultEpsilon = 1e-3f;

    public static IReadOnlyList<LayerWeight> Weights(int inputs, bool scale, bool center) =>
    [
        .. scale ? [new LayerWeight("gamma", [inputs])] : Array.Empty<LayerWeight>(),
        .. center ? [new LayerWeight("beta", [inputs])] : Array.Empty<LayerWeight>(),
    ];

    /// <summary>The trained factor, or null when scale is off (a factor of 1).</summary>
    public static float[]? Gamma(LayerWeights weights, bool scale) => scale ? weights["gamma"] : null;

    /// <summary>The trained offset, or null when center is off (an offset of 0).</summary>
    public static float[]? Beta(LayerWeights weights, bool center) => center ? weights["beta"] : null;

    public static IEnumerable<string> Arguments(float epsilon, bool center, bool scale, Func<float, string> format)
    {
        if (epsilon != DefaultEpsilon)
        {
            yield return $"epsilon={format(epsilon)}";
        }

        if (!center)
        {
            yield return "center=false";
        }

        if (!scale)
        {
            yield return "scale=false";
        }
    }
}
