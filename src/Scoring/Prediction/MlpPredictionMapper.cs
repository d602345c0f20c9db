using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Data;
using MlNetMlp.Tasks;

namespace MlNetMlp.Prediction;

/// <summary>
/// Binds an <see cref="MlpTransformer"/> to an input schema: checks the feature column (and a label key's class
/// count), adds the prediction columns of the model's task, and creates their getters over predictions computed a
/// block at a time where the cursor can read ahead, else row by row.
/// </summary>
internal sealed class MlpPredictionMapper : ColumnMapper
{
    private readonly MlpTransformer _parent;
    private readonly DataViewSchema.Column _features;
    private readonly IReadOnlyList<PredictionColumn> _columns;

    public MlpPredictionMapper(MlpTransformer parent, DataViewSchema inputSchema)
        : base(inputSchema)
    {
        _parent = parent;
        var expected = $"a vector of {parent.Model.InputSize} Single values (the network's input size)";
        _features = ColumnRequirements.Find(inputSchema, parent.FeatureColumnName, expected);
        if (!_features.Type.Equals(parent.FeatureColumnType))
        {
            throw new SchemaMismatchException(parent.FeatureColumnName, expected, ColumnRequirements.Describe(_features.Type));
        }

        CheckLabelKeyCount(inputSchema);
        var layout = parent.Layout;
        _columns = layout.Task.Columns(layout.Kind);
        AddedColumns = _columns.Select(c => c.ToAddedColumn(layout.OutputUnits, layout.NamesPerUnit)).ToList();
        InputColumns = [_features];
    }

    public override IReadOnlyList<AddedColumn> AddedColumns { get; }

    public override IReadOnlyList<DataViewSchema.Column> InputColumns { get; }

    public override bool ReadsAhead => true;

    public override Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive) =>
        Getters(isActive, () => new RowByRowPredictions(_parent.Model, input, _features));

    public override Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive, InputLookahead lookahead) =>
        Getters(isActive, () => new LookaheadPredictions(_parent.Model, input, lookahead, _features));

    private Delegate?[] Getters(Func<int, bool> isActive, Func<RowPredictions> createPredictions)
    {
        var getters = new Delegate?[_columns.Count];
        if (!Enumerable.Range(0, getters.Length).Any(isActive))
        {
            // The features are not even active in the input when no prediction column is asked for.
            return getters;
        }

        var predictions = createPredictions();
        for (var i = 0; i < getters.Length; i++)
        {
            getters[i] = isActive(i) ? _parent.Layout.Task.CreateGetter(_columns[i], predictions) : null;
        }

        return getters;
    }

    /// <summary>Data carrying the training label as a key must have the same classes, or evaluation would compare different keys.</summary>
    private void CheckLabelKeyCount(DataViewSchema inputSchema)
    {
        var layout = _parent.Layout;
        if (layout.Task == TaskDefinition.Multiclass
            && inputSchema.GetColumnOrNull(_parent.LabelColumnName) is { Type: KeyDataViewType key }
            && key.Count != (ulong)layout.OutputUnits)
        {
            throw new SchemaMismatchException(_parent.LabelColumnName, $"a key of {layout.OutputUnits} classes, as the model was trained with", $"a key of {key.Count} classes");
        }
    }
}
