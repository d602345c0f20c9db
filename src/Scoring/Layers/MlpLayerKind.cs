namespace MlNetMlp;

/// <summary>
/// A kind of layer, as model files and summaries name it: <c>Dense</c>, <c>Dropout</c>, <c>BatchNormalization</c>...
/// Each layer type has one (<see cref="DenseLayer.LayerKind"/>, ...); a model file lists the kinds it needs with the
/// MlNetMlp release that introduced each, so an older release refuses a kind it does not know by name.
/// </summary>
public sealed record MlpLayerKind
{
    internal MlpLayerKind(string name, string summaryName, Version since)
    {
        Name = name;
        SummaryName = summaryName;
        Since = since;
    }

    /// <summary>The fully connected layer (<see cref="DenseLayer"/>).</summary>
    public static MlpLayerKind Dense => DenseLayer.LayerKind;

    /// <summary>Random zeroing in training (<see cref="DropoutLayer"/>).</summary>
    public static MlpLayerKind Dropout => DropoutLayer.LayerKind;

    /// <summary>The kind's name, as Keras names the layer class (and as model files record it).</summary>
    public string Name { get; }

    /// <summary>The prefix Keras gives layers of the kind in a summary: <c>dense</c>, <c>dense_1</c>...</summary>
    public string SummaryName { get; }

    /// <summary>The MlNetMlp release that introduced the kind: a model using it needs at least that release.</summary>
    public Version Since { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
