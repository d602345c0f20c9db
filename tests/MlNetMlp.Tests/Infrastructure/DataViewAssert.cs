using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Assertions over whole columns of data views.</summary>
internal static class DataViewAssert
{
    /// <summary>Asserts that the named columns hold the same types and bit-identical values, row by row.</summary>
    public static void BitIdentical(IDataView expected, IDataView actual, params string[] columnNames)
    {
        foreach (var name in columnNames)
        {
            var expectedColumn = expected.Schema[name];
            var actualColumn = actual.Schema[name];
            Assert.AreEqual(expectedColumn.Type, actualColumn.Type, $"column '{name}' type");
            var expectedRows = ReadBits(expected, expectedColumn);
            var actualRows = ReadBits(actual, actualColumn);
            Assert.HasCount(expectedRows.Count, actualRows, $"column '{name}' row count");
            for (var row = 0; row < expectedRows.Count; row++)
            {
                CollectionAssert.AreEqual(expectedRows[row], actualRows[row], $"column '{name}', row {row}");
            }
        }
    }

    /// <summary>Each row of a column as raw 64-bit patterns: floats by their bits, so NaN and -0 compare exactly.</summary>
    public static List<long[]> ReadBits(IDataView data, DataViewSchema.Column column)
    {
        var itemType = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        var isVector = column.Type is VectorDataViewType;
        return itemType.RawType switch
        {
            var t when t == typeof(float) => Read<float>(data, column, isVector, v => BitConverter.SingleToInt32Bits(v)),
            var t when t == typeof(double) => Read<double>(data, column, isVector, BitConverter.DoubleToInt64Bits),
            var t when t == typeof(uint) => Read<uint>(data, column, isVector, v => v),
            var t when t == typeof(int) => Read<int>(data, column, isVector, v => v),
            var t when t == typeof(long) => Read<long>(data, column, isVector, v => v),
            var t when t == typeof(byte) => Read<byte>(data, column, isVector, v => v),
            var t when t == typeof(bool) => Read<bool>(data, column, isVector, v => v ? 1 : 0),
            _ => throw new NotSupportedException($"column '{column.Name}' of type {column.Type}"),
        };
    }

    private static List<long[]> Read<T>(IDataView data, DataViewSchema.Column column, bool isVector, Func<T, long> bits)
    {
        var rows = new List<long[]>();
        using var cursor = data.GetRowCursor([column]);
        if (isVector)
        {
            var getter = cursor.GetGetter<VBuffer<T>>(column);
            var value = default(VBuffer<T>);
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add(value.DenseValues().Select(bits).ToArray());
            }
        }
        else
        {
            var getter = cursor.GetGetter<T>(column);
            T value = default!;
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add([bits(value)]);
            }
        }

        return rows;
    }
}
