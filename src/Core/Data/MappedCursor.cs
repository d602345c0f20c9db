using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Core.Data;

/// <summary>A cursor over an input cursor that computes a <see cref="ColumnMapper"/>'s columns row by row.</summary>
internal sealed class MappedCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly AddedColumnGetters _columns;

    public MappedCursor(DataViewRowCursor input, AddedColumnGetters columns)
    {
        _input = input;
        _columns = columns;
    }

    public override DataViewSchema Schema => _columns.Schema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _columns.IsActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _columns.GetGetter<TValue>(column);

    public override bool MoveNext() => _input.MoveNext();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _columns.Dispose();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}
