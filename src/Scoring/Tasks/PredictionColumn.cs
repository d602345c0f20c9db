using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Scoring.Tasks;

/// <summary>How a prediction column holds its values.</summary>
internal enum PredictionShape
{
    /// <summary>One value of the item type.</summary>
    Scalar,

    /// <summary>One value of the item type per output unit.</summary>
    Vector,

    /// <summary>A Key&lt;UInt32&gt; over the output units (the predicted class).</summary>
    Key,
}

/// <summary>
/// One prediction column of a task: its name, shape and item type, and the annotation that carries the class names
/// when the label has them. It gives both the promise <c>GetOutputSchema</c> makes (a <see cref="SchemaShape.Column"/>)
/// and the column <c>Transform</c> adds (an <see cref="AddedColumn"/>), so the two cannot disagree.
/// </summary>
internal sealed record PredictionColumn(string Name, PredictionShape Shape, PrimitiveDataViewType ItemType, string? NamesAnnotation)
{
    /// <summary>The column's type for a network of <paramref name="units"/> outputs.</summary>
    public DataViewType Type(int units) => Shape switch
    {
        PredictionShape.Vector => new VectorDataViewType(ItemType, units),
        PredictionShape.Key => new KeyDataViewType(typeof(uint), units),
        _ => ItemType,
    };

    /// <summary>The column <c>Transform</c> adds, with <paramref name="names"/> (one per unit) as its annotation when given.</summary>
    public AddedColumn ToAddedColumn(int units, IReadOnlyList<string>? names) =>
        new(Name, Type(units), names is not null && NamesAnnotation is { } kind ? ClassNameAnnotations.Build(kind, names) : null);

    /// <summary>The column <c>GetOutputSchema</c> promises; <paramref name="labelHasNames"/> when the label carries class names.</summary>
    public SchemaShape.Column ToShape(bool labelHasNames)
    {
        var names = labelHasNames && NamesAnnotation is { } kind
            ? new SchemaShape([ColumnRequirements.Shape(kind, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, isKey: false)])
            : null;
        return Shape switch
        {
            PredictionShape.Vector => ColumnRequirements.Shape(Name, SchemaShape.Column.VectorKind.Vector, ItemType, isKey: false, names),
            PredictionShape.Key => ColumnRequirements.Shape(Name, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, isKey: true, names),
            _ => ColumnRequirements.Shape(Name, SchemaShape.Column.VectorKind.Scalar, ItemType, isKey: false, names),
        };
    }
}
