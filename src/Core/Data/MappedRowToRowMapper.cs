using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Core.Data;

/// <summary>Row-at-a-time form of a <see cref="ColumnMapper"/>, which ML.NET's prediction engine uses.</summary>
internal sealed class MappedRowToRowMapper : IRowToRowMapper
{
    private readonly MappedSchema _schema;

    public MappedRowToRowMapper(ColumnMapper mapper) => _schema = new MappedSchema(mapper);

    public DataViewSchema InputSchema => _schema.Input;

    public DataViewSchema OutputSchema => _schema.Output;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        _schema.InputColumnsFor(dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new MappedRow(input, new AddedColumnGetters(OutputSchema, input, _schema.Mapper, _schema.ActivePredicate(activeColumns)));
}
