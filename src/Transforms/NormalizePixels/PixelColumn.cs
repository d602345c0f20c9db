using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Transforms.NormalizePixels;

/// <summary>What <c>NormalizePixels</c> accepts as input: a known-size vector of Byte, Single or Double.</summary>
internal static class PixelColumn
{
    public const string Expected = "a known-size vector of Byte, Single or Double";

    public static bool IsPixelType(DataViewType itemType) =>
        itemType == NumberDataViewType.Byte || itemType == NumberDataViewType.Single || itemType == NumberDataViewType.Double;

    /// <summary>The input column, checked; throws <see cref="SchemaMismatchException"/> naming what it found otherwise.</summary>
    public static (DataViewSchema.Column Column, VectorDataViewType Type) Check(DataViewSchema schema, string name)
    {
        var column = ColumnRequirements.Find(schema, name, Expected);
        if (column.Type is not VectorDataViewType vector || !IsPixelType(vector.ItemType))
        {
            throw new SchemaMismatchException(name, Expected, column.Type.ToString() ?? "?");
        }

        if (!vector.IsKnownSize)
        {
            throw new SchemaMismatchException(name, Expected, $"{vector} of unknown size (images of varying size must be resized first)");
        }

        return (column, vector);
    }
}
