using Microsoft.ML;

namespace MlNetMlp.Data;

/// <summary>
/// The lazy result of an MlNetMlp transformer: the source data view plus computed columns. Nothing is
/// materialized; each cursor reads the source and computes only the columns asked for.
/// </summary>
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly MappedSchema _schema;

    public MappedDataView(IDataView source, ColumnMapper mapper)
    {
        _source = source;
        _schema = new MappedSchema(mapper);
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema => _schema.Output;

    public long? GetRowCount() => _source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var requested = columnsNeeded.ToList();
        var mapper = _schema.Mapper;

        // A shuffled cursor's row order cannot be repeated by a second cursor, so only unshuffled ones read ahead.
        var lookahead = mapper.ReadsAhead && rand is null ? new InputLookahead(_source, mapper.InputColumns) : null;
        var input = _source.GetRowCursor(_schema.InputColumnsFor(requested, readAhead: lookahead is not null), rand);
        return new MappedCursor(input, new AddedColumnGetters(Schema, input, mapper, _schema.ActivePredicate(requested), lookahead));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
