using Microsoft.ML;

namespace MlNetMlp.Core.Data;

/// <summary>
/// A second cursor over the same rows as the cursor a <see cref="ColumnMapper"/> is computing for, reading only the
/// mapper's input columns, so the mapper can read a block of rows ahead and compute their values together (the MLP
/// scores a block as matrix products). It exists only for cursors whose row order is repeatable (no shuffling), and
/// is opened on first use and disposed with the cursor it serves.
/// </summary>
internal sealed class InputLookahead : IDisposable
{
    private readonly IDataView _source;
    private readonly IReadOnlyList<DataViewSchema.Column> _columns;
    private DataViewRowCursor? _cursor;

    public InputLookahead(IDataView source, IReadOnlyList<DataViewSchema.Column> columns)
    {
        _source = source;
        _columns = columns;
    }

    /// <summary>The lookahead cursor, positioned before the first row until moved.</summary>
    public DataViewRowCursor Cursor => _cursor ??= _source.GetRowCursor(_columns);

    public void Dispose() => _cursor?.Dispose();
}
