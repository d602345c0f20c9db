using Microsoft.ML;

namespace MlNetMlp.Core.Data;

/// <summary>
/// The schema of input plus added columns, and the bookkeeping of which input columns a request
/// for output columns needs. Shared by <see cref="MappedDataView"/> and <see cref="MappedRowToRowMapper"/>.
/// </summary>
internal sealed class MappedSchema
{
    public MappedSchema(ColumnMapper mapper)
    {
        Mapper = mapper;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(mapper.InputSchema);
        foreach (var column in mapper.AddedColumns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        Output = builder.ToSchema();
    }

    public ColumnMapper Mapper { get; }

    public DataViewSchema Input => Mapper.InputSchema;

    public DataViewSchema Output { get; }

    /// <summary>A predicate over output column indices that is true for the requested columns.</summary>
    public Func<int, bool> ActivePredicate(IEnumerable<DataViewSchema.Column> requested)
    {
        var active = new bool[Output.Count];
        foreach (var column in requested)
        {
            active[column.Index] = true;
        }

        return i => active[i];
    }

    /// <summary>
    /// The input columns needed to serve <paramref name="requested"/> output columns; with <paramref name="readAhead"/>
    /// the mapper reads its own inputs through a lookahead cursor, so only requested input columns are needed.
    /// </summary>
    public IEnumerable<DataViewSchema.Column> InputColumnsFor(IEnumerable<DataViewSchema.Column> requested, bool readAhead = false)
    {
        var needed = new HashSet<int>();
        var anyAdded = false;
        foreach (var column in requested)
        {
            if (column.Index < Input.Count)
            {
                needed.Add(column.Index);
            }
            else
            {
                anyAdded = true;
            }
        }

        if (anyAdded && !readAhead)
        {
            foreach (var column in Mapper.InputColumns)
            {
                needed.Add(column.Index);
            }
        }

        return needed.Order().Select(i => Input[i]);
    }
}
