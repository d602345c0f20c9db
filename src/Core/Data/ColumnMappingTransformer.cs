using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Persistence;

namespace MlNetMlp;

/// <summary>
/// Base of every MlNetMlp transformer: a fitted component that appends computed columns to its input,
/// lazily, row by row, and saves itself into ML.NET's model <c>.zip</c> so that
/// <c>mlContext.Model.Load</c> restores it in another process.
/// </summary>
public abstract class ColumnMappingTransformer : ITransformer
{
    private protected ColumnMappingTransformer()
    {
        MlNetVersionGuard.EnsureSupported();
    }

    /// <summary>Always true: the transformer maps each row on its own, so prediction engines can use it.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The schema <see cref="Transform"/> produces for data of <paramref name="inputSchema"/>; throws <see cref="SchemaMismatchException"/> when the input does not fit.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => new MappedSchema(CreateMapper(inputSchema)).Output;

    /// <summary>Returns a lazy view of <paramref name="input"/> with the computed columns appended.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, CreateMapper(input.Schema), Format.DisplayName);
    }

    /// <summary>A row-to-row mapper over <paramref name="inputSchema"/>, as used by <c>PredictionEngine</c>.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new MappedRowToRowMapper(CreateMapper(inputSchema));

    void ICanSaveModel.Save(ModelSaveContext ctx) => ComponentWriter.Save(ctx, Format, SaveContents);

    /// <summary>The identity and version of this transformer's saved form.</summary>
    private protected abstract ComponentFormat Format { get; }

    /// <summary>Validates <paramref name="inputSchema"/> and binds the transformer's state to it.</summary>
    private protected abstract ColumnMapper CreateMapper(DataViewSchema inputSchema);

    /// <summary>Writes the transformer's parameters and learned state.</summary>
    private protected abstract void SaveContents(ComponentWriter writer);
}
