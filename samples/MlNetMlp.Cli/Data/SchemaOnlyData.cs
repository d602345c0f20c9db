using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Cli.Data;

/// <summary>
/// Data with a schema and no rows: what ML.NET's ONNX exporter needs to know the graph's inputs, when the model is
/// exported from its file alone (Microsoft.ML.OnnxConverter 0.23 has no overload that takes a schema).
/// </summary>
internal sealed class SchemaOnlyData(DataViewSchema schema) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; } = schema;

    public long? GetRowCount() => 0;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new NoRows(Schema);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new NoRows(Schema)];

    private sealed class NoRows(DataViewSchema schema) : DataViewRowCursor
    {
        public override DataViewSchema Schema { get; } = schema;

        public override long Position => -1;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => false;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            throw new InvalidOperationException("There are no rows to read.");

        public override ValueGetter<DataViewRowId> GetIdGetter() => throw new InvalidOperationException("There are no rows to read.");
    }
}
