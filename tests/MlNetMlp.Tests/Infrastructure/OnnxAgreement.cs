using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// Compares columns scored by ML.NET with the same columns scored by ONNX Runtime: Single values within 1e-5 (relative
/// above 1), everything else (keys, Booleans) identical. Returns the largest difference seen, for the test to print.
/// </summary>
internal static class OnnxAgreement
{
    public const double Tolerance = 1e-5;

    public static double AssertSame(IDataView scored, IReadOnlyDictionary<string, Array[]> onnx, params string[] columns)
    {
        var largest = 0d;
        foreach (var name in columns)
        {
            Assert.IsTrue(onnx.ContainsKey(name), $"The ONNX model has no output '{name}.output'; it has {string.Join(", ", onnx.Keys)}.");
            var column = scored.Schema[name];
            var expected = Rows(scored, column);
            var actual = onnx[name];
            Assert.HasCount(expected.Length, actual, $"rows of '{name}'");
            for (var row = 0; row < expected.Length; row++)
            {
                Assert.HasCount(expected[row].Length, actual[row], $"'{name}', row {row}: width");
                for (var slot = 0; slot < expected[row].Length; slot++)
                {
                    var (want, got) = (expected[row].GetValue(slot), actual[row].GetValue(slot));
                    if (want is float w && got is float g)
                    {
                        var difference = Math.Abs((double)w - g);
                        largest = Math.Max(largest, difference);
                        Assert.IsTrue(difference <= Tolerance * Math.Max(1, Math.Abs(w)), $"'{name}', row {row}, slot {slot}: ML.NET {w}, ONNX {g}");
                    }
                    else
                    {
                        Assert.AreEqual(want, got, $"'{name}', row {row}, slot {slot}");
                    }
                }
            }
        }

        return largest;
    }

    private static Array[] Rows(IDataView data, DataViewSchema.Column column)
    {
        var item = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        return item.RawType == typeof(float) ? Rows<float>(data, column)
            : item.RawType == typeof(uint) ? Rows<uint>(data, column)
            : item.RawType == typeof(bool) ? Rows<bool>(data, column)
            : throw new NotSupportedException($"Column '{column.Name}' of {column.Type} is not compared by this test helper.");
    }

    private static Array[] Rows<T>(IDataView data, DataViewSchema.Column column) => column.Type is VectorDataViewType
        ? [.. data.GetColumn<VBuffer<T>>(column).Select(row => (Array)row.DenseValues().ToArray())]
        : [.. data.GetColumn<T>(column).Select(value => (Array)new[] { value })];
}
