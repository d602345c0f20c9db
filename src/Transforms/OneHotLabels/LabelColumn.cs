using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Transforms.OneHotLabels;

/// <summary>What <c>OneHotLabels</c> accepts as input: one label per row, as an integer, a float, text, a key or a bool.</summary>
internal static class LabelColumn
{
    public const string Expected = "a scalar label of an integer type, Single, Double, Text, Boolean or a key type";

    public static bool IsLabelType(DataViewType type) => LabelClasses.CanLearn(type);

    /// <summary>Throws <see cref="SchemaMismatchException"/> unless the shape column holds one label per row.</summary>
    public static void Check(SchemaShape.Column column)
    {
        if (column.Kind != SchemaShape.Column.VectorKind.Scalar || !(column.IsKey || IsLabelType(column.ItemType)))
        {
            throw new SchemaMismatchException(column.Name, Expected, ColumnRequirements.Describe(column));
        }
    }

    /// <summary>The input column, checked; throws <see cref="SchemaMismatchException"/> naming what it found otherwise.</summary>
    public static DataViewSchema.Column Check(DataViewSchema schema, string name)
    {
        var column = ColumnRequirements.Find(schema, name, Expected);
        if (!IsLabelType(column.Type))
        {
            throw new SchemaMismatchException(name, Expected, column.Type.ToString() ?? "?");
        }

        return column;
    }
}
