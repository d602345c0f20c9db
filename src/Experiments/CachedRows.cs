using Microsoft.ML;

namespace MlNetMlp.Experiments;

/// <summary>Reads data views through, so that timed work never pays for reading files or preparing rows.</summary>
internal static class CachedRows
{
    /// <summary>
    /// Reads every row of every column of <paramref name="data"/> once, which fills a cache
    /// (<c>mlContext.Data.Cache</c>) so that the first network trained on it is not charged for preparing the rows.
    /// </summary>
    /// <returns>The number of rows.</returns>
    public static long Fill(IDataView data)
    {
        long rows = 0;
        using var cursor = data.GetRowCursor(data.Schema);
        while (cursor.MoveNext())
        {
            rows++;
        }

        return rows;
    }
}
