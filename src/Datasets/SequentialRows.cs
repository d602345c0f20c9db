using Microsoft.ML;

namespace MlNetMlp.Datasets;

/// <summary>One front-to-back pass over a data source, as served to a <see cref="SequentialDataView"/> cursor.</summary>
internal abstract class SequentialRows : IDisposable
{
    /// <summary>Reads the next row; false at the end of the source.</summary>
    public abstract bool MoveNext();

    /// <summary>A getter for an active column that reads the current row; the type was checked by the caller.</summary>
    public abstract ValueGetter<TValue> GetGetter<TValue>(int columnIndex);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
