using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Transforms.WordIndex;

/// <summary>What <c>WordIndex</c> accepts as input: one text per row.</summary>
internal static class TextColumn
{
    public const string Expected = "a scalar of Text (String)";

    /// <summary>Throws <see cref="SchemaMismatchException"/> unless the shape column holds one text per row.</summary>
    public static void Check(SchemaShape.Column column)
    {
        if (column.Kind != SchemaShape.Column.VectorKind.Scalar || column.IsKey || column.ItemType is not TextDataViewType)
        {
            throw new SchemaMismatchException(column.Name, Expected, ColumnRequirements.Describe(column));
        }
    }

    /// <summary>The input column, checked; throws <see cref="SchemaMismatchException"/> naming what it found otherwise.</summary>
    public static DataViewSchema.Column Check(DataViewSchema schema, string name)
    {
        var column = ColumnRequirements.Find(schema, name, Expected);
        if (column.Type is not TextDataViewType)
        {
            throw new SchemaMismatchException(name, Expected, column.Type.ToString() ?? "?");
        }

        return column;
    }
}
