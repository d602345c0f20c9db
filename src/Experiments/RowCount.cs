using Microsoft.ML;

namespace MlNetMlp.Experiments;

/// <summary>Counts the rows of a data view, reading it when it does not know its count (streams, filters).</summary>
internal static class RowCount
{
    public static long Of(IDataView data)
    {
        if (data.GetRowCount() is { } known)
        {
            return known;
        }

        long rows = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            rows++;
        }

        return rows;
    }
}
