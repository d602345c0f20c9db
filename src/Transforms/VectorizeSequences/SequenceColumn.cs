using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Transforms.VectorizeSequences;

/// <summary>What <c>VectorizeSequences</c> accepts as input: a vector (of any length) of an integer or key type.</summary>
internal static class SequenceColumn
{
    public const string Expected = "a vector of Byte, SByte, Int16, UInt16, Int32, UInt32, Int64, UInt64 or of a key type";

    private static readonly Type[] IntegerTypes =
        [typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];

    public static bool IsIndexType(DataViewType itemType) =>
        itemType is KeyDataViewType || (itemType is NumberDataViewType && Array.IndexOf(IntegerTypes, itemType.RawType) >= 0);

    /// <summary>Throws <see cref="SchemaMismatchException"/> unless the shape column is a vector of indices.</summary>
    public static void Check(SchemaShape.Column column)
    {
        if (column.Kind == SchemaShape.Column.VectorKind.Scalar || !(column.IsKey || IsIndexType(column.ItemType)))
        {
            throw new SchemaMismatchException(column.Name, Expected, ColumnRequirements.Describe(column));
        }
    }

    /// <summary>The input column and its item type, checked; throws <see cref="SchemaMismatchException"/> naming what it found otherwise.</summary>
    public static (DataViewSchema.Column Column, PrimitiveDataViewType ItemType) Check(DataViewSchema schema, string name)
    {
        var column = ColumnRequirements.Find(schema, name, Expected);
        if (column.Type is not VectorDataViewType vector || !IsIndexType(vector.ItemType))
        {
            throw new SchemaMismatchException(name, Expected, column.Type.ToString() ?? "?");
        }

        return (column, vector.ItemType);
    }
}
