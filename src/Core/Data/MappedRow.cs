using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Core.Data;

/// <summary>One input row plus the columns a <see cref="ColumnMapper"/> adds (used by prediction engines).</summary>
internal sealed class MappedRow : DataViewRow
{
    private readonly DataViewRow _input;
    private readonly AddedColumnGetters _columns;

    public MappedRow(DataViewRow input, AddedColumnGetters columns)
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
}
