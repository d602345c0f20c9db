using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Data;

namespace MlNetMlp.Transforms;

/// <summary>What <c>OneHotLabels</c> accepts as input: one label per row, as an integer, a float, text, a key or a bool.</summary>
internal static class LabelColumn
{
    public const string Expected = "a scalar label of an integer type, Single, Double, Text, Boolean or a key type";

    private static readonly Type[] RawTypes =
    [
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(bool), typeof(ReadOnlyMemory<char>),
    ];

    public static bool IsLabelType(DataViewType type) =>
        type is KeyDataViewType or PrimitiveDataViewType && Array.IndexOf(RawTypes, type.RawType) >= 0;

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
