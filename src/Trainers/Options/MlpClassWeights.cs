using System.Globalization;

namespace MlNetMlp;

/// <summary>
/// A weight per class in the training loss: <see cref="Balanced"/> as scikit-learn's <c>class_weight='balanced'</c>
/// (n_rows / (n_classes · rows of the class), from the training rows), <see cref="Of(float[])"/> by class index as
/// Keras's <c>class_weight</c> (the key's order; false then true for a Boolean label), or <see cref="Of(IReadOnlyDictionary{string, float})"/>
/// by class name (the key's values, or <c>False</c>/<c>True</c>).
/// </summary>
public sealed class MlpClassWeights
{
    private MlpClassWeights(float[]? byIndex, IReadOnlyDictionary<string, float>? byName)
    {
        ByIndex = byIndex;
        ByName = byName;
    }

    /// <summary>Weights from the class frequencies of the training rows: rare classes weigh more.</summary>
    public static MlpClassWeights Balanced { get; } = new(null, null);

    /// <summary>Whether the weights come from the class frequencies.</summary>
    public bool IsBalanced => ByIndex is null && ByName is null;

    /// <summary>The weights by class index, when given so.</summary>
    public IReadOnlyList<float>? ByIndex { get; }

    /// <summary>The weights by class name, when given so.</summary>
    public IReadOnlyDictionary<string, float>? ByName { get; }

    /// <summary>Weights by class index, as Keras's <c>class_weight={0: 1.0, 1: 5.0}</c>.</summary>
    /// <param name="weights">One weight per class, each finite and above 0.</param>
    /// <returns>The class weights.</returns>
    public static MlpClassWeights Of(params float[] weights) => new((float[])(weights ?? throw new ArgumentNullException(nameof(weights))).Clone(), null);

    /// <summary>Weights by class name; a class left out weighs 1.</summary>
    /// <param name="weights">Class name to weight, each finite and above 0.</param>
    /// <returns>The class weights.</returns>
    public static MlpClassWeights Of(IReadOnlyDictionary<string, float> weights) =>
        new(null, new Dictionary<string, float>(weights ?? throw new ArgumentNullException(nameof(weights)), StringComparer.Ordinal));

    /// <inheritdoc />
    public override string ToString() => IsBalanced ? "balanced"
        : ByIndex is not null ? $"[{string.Join(", ", ByIndex.Select(Format))}]"
        : string.Join(", ", ByName!.Select(pair => $"{pair.Key}={Format(pair.Value)}"));

    internal void Validate(string option)
    {
        var values = ByIndex ?? ByName?.Values ?? [];
        if (ByIndex is { Count: 0 } || ByName is { Count: 0 } || values.Any(w => !(w > 0 && float.IsFinite(w))))
        {
            throw new ArgumentOutOfRangeException(option, $"Expected at least one class weight, each finite and > 0. Received: {this}");
        }
    }

    /// <summary>
    /// One weight per output class (for a binary label: false, then true) from the class names and, for balanced
    /// weights, the training rows of each class; an error naming the label column when the weights do not fit.
    /// </summary>
    internal float[] Resolve(IReadOnlyList<string> classNames, IReadOnlyList<double> rowsPerClass, string labelColumnName)
    {
        if (IsBalanced)
        {
            var total = rowsPerClass.Sum();
            return [.. rowsPerClass.Select(rows => rows > 0 ? (float)(total / (rowsPerClass.Count * rows)) : 1f)];
        }

        if (ByIndex is not null)
        {
            return ByIndex.Count == classNames.Count
                ? [.. ByIndex]
                : throw new ArgumentException(
                    $"ClassWeights: column '{labelColumnName}' has {classNames.Count} classes ({string.Join(", ", classNames)}); expected as many weights. Received: {ByIndex.Count}",
                    nameof(MlpOptions.ClassWeights));
        }

        var unknown = ByName!.Keys.Where(name => !classNames.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"ClassWeights: column '{labelColumnName}' has classes {string.Join(", ", classNames)}. Received weights for {string.Join(", ", unknown)}", nameof(MlpOptions.ClassWeights));
        }

        return [.. classNames.Select(name => ByName.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value is > 0 and var w ? w : 1f)];
    }

    private static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);
}
