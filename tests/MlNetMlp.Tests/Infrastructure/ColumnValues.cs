using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// Reads whole vector columns into memory for assertions. Each row is copied: cursors reuse their
/// buffers, so the VBuffers that <c>GetColumn</c> yields share arrays from row to row.
/// </summary>
internal static class ColumnValues
{
    /// <summary>Each row of a vector column as its own copy, sparse rows kept sparse.</summary>
    public static List<VBuffer<T>> Vectors<T>(IDataView data, string column) =>
        [.. data.GetColumn<VBuffer<T>>(column).Select(row =>
        {
            var copy = default(VBuffer<T>);
            row.CopyTo(ref copy);
            return copy;
        })];

    /// <summary>Each row of a vector column as a dense array.</summary>
    public static List<T[]> Dense<T>(IDataView data, string column) =>
        [.. data.GetColumn<VBuffer<T>>(column).Select(row => row.DenseValues().ToArray())];
}
