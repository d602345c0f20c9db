using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Datasets;

/// <summary>
/// An <see cref="IDataView"/> over a source that can only be read front to back (a file, a gzip stream,
/// a tar archive). Each cursor opens the source afresh and streams it, so the data set is never held in
/// memory; ML.NET's <c>ShuffleRows</c> and <c>Cache</c> work on top of it as they do for text files.
/// </summary>
internal sealed class SequentialDataView : IDataView
{
    private readonly long? _rowCount;
    private readonly Func<bool[], SequentialRows> _open;

    /// <param name="schema">The columns every cursor serves.</param>
    /// <param name="rowCount">The number of rows when the source knows it without reading, else null.</param>
    /// <param name="open">Opens the source for one cursor; receives which columns are active so it can skip the others.</param>
    public SequentialDataView(DataViewSchema schema, long? rowCount, Func<bool[], SequentialRows> open)
    {
        Schema = schema;
        _rowCount = rowCount;
        _open = open;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded)
        {
            active[column.Index] = true;
        }

        return new Cursor(Schema, active, _open(active));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly bool[] _active;
        private readonly SequentialRows _rows;
        private long _position = -1;
        private bool _disposed;

        public Cursor(DataViewSchema schema, bool[] active, SequentialRows rows)
        {
            Schema = schema;
            _active = active;
            _rows = rows;
        }

        public override DataViewSchema Schema { get; }

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_disposed || !_rows.MoveNext())
            {
                Dispose();
                return false;
            }

            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
            }

            if (typeof(TValue) != column.Type.RawType)
            {
                throw new InvalidOperationException(
                    $"Column '{column.Name}' holds {column.Type} values ({column.Type.RawType.Name}); a getter of {typeof(TValue).Name} was asked for.");
            }

            return _rows.GetGetter<TValue>(column.Index);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        protected override void Dispose(bool disposing)
        {
            if (!_disposed && disposing)
            {
                _rows.Dispose();
            }

            _disposed = true;
            base.Dispose(disposing);
        }
    }
}
