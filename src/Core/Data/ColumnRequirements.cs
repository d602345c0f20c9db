using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Core.Data;

/// <summary>
/// Finding the columns a component needs, in a <see cref="DataViewSchema"/> (at <c>Fit</c> and
/// <c>Transform</c>) or a <see cref="SchemaShape"/> (at <c>GetOutputSchema</c>), with errors that name
/// the column, what was expected and what was found; and building the shapes estimators promise.
/// </summary>
internal static class ColumnRequirements
{
    /// <summary>The column named <paramref name="name"/>; <paramref name="expected"/> describes it in the error when it is missing.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string name, string expected) =>
        schema.GetColumnOrNull(name) ?? throw new SchemaMismatchException(name, expected, "no such column");

    /// <summary>The column named <paramref name="name"/> in a schema shape.</summary>
    public static SchemaShape.Column Find(SchemaShape shape, string name, string expected) =>
        shape.TryFindColumn(name, out var column) ? column : throw new SchemaMismatchException(name, expected, "no such column");

    /// <summary>Describes a column type the way ML.NET prints it, saying so when a vector's size is unknown.</summary>
    public static string Describe(DataViewType type) =>
        type is VectorDataViewType { IsKnownSize: false } vector ? $"{vector} of unknown size" : type.ToString() ?? "?";

    /// <summary>Describes a schema-shape column the way ML.NET prints types, e.g. "Vector&lt;Single&gt; of unknown size".</summary>
    public static string Describe(SchemaShape.Column column)
    {
        var item = column.IsKey ? $"Key<{column.ItemType.RawType.Name}>" : column.ItemType.ToString() ?? "?";
        return column.Kind switch
        {
            SchemaShape.Column.VectorKind.Scalar => item,
            SchemaShape.Column.VectorKind.Vector => $"a known-size Vector<{item}>",
            _ => $"Vector<{item}> of unknown size",
        };
    }

    /// <summary>A schema-shape column (ML.NET keeps this constructor internal).</summary>
    public static SchemaShape.Column Shape(string name, SchemaShape.Column.VectorKind kind, DataViewType itemType, bool isKey, SchemaShape? annotations = null) =>
        new(name, kind, itemType, isKey, annotations);

    /// <summary><paramref name="input"/> with <paramref name="added"/> columns appended, replacing same-named ones.</summary>
    public static SchemaShape With(SchemaShape input, params SchemaShape.Column[] added)
    {
        var columns = input.ToDictionary(c => c.Name);
        foreach (var column in added)
        {
            columns[column.Name] = column;
        }

        return new SchemaShape(columns.Values);
    }

    /// <summary>The schema shape of a concrete schema (ML.NET keeps <c>SchemaShape.Create</c> internal).</summary>
    public static SchemaShape ShapeOf(DataViewSchema schema) => SchemaShape.Create(schema);
}
