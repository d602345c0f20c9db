using Microsoft.ML;
using Microsoft.ML.Model.OnnxConverter;
using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Core.Data;

/// <summary>
/// The lazy result of an MlNetMlp transformer: the source data view plus computed columns. Nothing is
/// materialized; each cursor reads the source and computes only the columns asked for. It is also the step
/// ML.NET's ONNX exporter finds when it walks a transformed view back to its source (ML.NET's own transforms
/// take part the same way), so <c>mlContext.Model.ConvertToOnnx</c> asks it to write its columns as ONNX.
/// </summary>
internal sealed class MappedDataView : ITransformCanSaveOnnx
{
    private readonly IDataView _source;
    private readonly MappedSchema _schema;
    private readonly string _step;

    /// <summary>Maps <paramref name="source"/>; <paramref name="step"/> names the transformer in ONNX export errors.</summary>
    public MappedDataView(IDataView source, ColumnMapper mapper, string step)
    {
        _source = source;
        _schema = new MappedSchema(mapper);
        _step = step;
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema => _schema.Output;

    public IDataView Source => _source;

    /// <summary>The step as export errors name it, with the columns it adds.</summary>
    public string StepDescription =>
        $"{_step} (column{(_schema.Mapper.AddedColumns.Count > 1 ? "s" : "")} {string.Join(", ", _schema.Mapper.AddedColumns.Select(c => $"'{c.Name}'"))})";

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

    /// <summary>
    /// Throws rather than answering false: ML.NET's exporter would then leave this step out and export the steps after
    /// it over the raw input, a model that scores differently or not at all.
    /// </summary>
    bool ICanSaveOnnx.CanSaveOnnx(OnnxContext ctx) =>
        _schema.Mapper.OnnxBlocker is { } reason ? throw new OnnxExportException(StepDescription, reason) : true;

    void ISaveAsOnnx.SaveAsOnnx(OnnxContext ctx)
    {
        foreach (var column in _schema.Mapper.InputColumns)
        {
            if (!ctx.ContainsColumn(column.Name))
            {
                throw new OnnxExportException(StepDescription,
                    $"its input column '{column.Name}' is not in the ONNX graph: it comes from {OnnxProducer.Describe(_source, column.Name)}, which cannot be exported. " +
                    $"Export the pipeline from '{column.Name}' on instead (the transformers after that step, with data that holds '{column.Name}').");
            }
        }

        _schema.Mapper.SaveAsOnnx(new OnnxGraph(ctx, _step.Split(' ')[0]));
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException($"The output of {StepDescription} is a view, not a model: save the fitted transformer with mlContext.Model.Save.");
}
