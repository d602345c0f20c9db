using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Tasks;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// Binds a prediction transformer's <see cref="ScoringPlan"/> to an input schema: checks the feature column (and a
/// label key's class count), adds the plan's columns, and creates their getters over predictions computed a block at
/// a time where the cursor can read ahead, else row by row.
/// </summary>
internal sealed class MlpPredictionMapper : ColumnMapper
{
    private readonly ScoringPlan _plan;
    private readonly DataViewSchema.Column _features;

    public MlpPredictionMapper(ScoringPlan plan, string featureColumnName, string labelColumnName, DataViewSchema inputSchema)
        : base(inputSchema)
    {
        _plan = plan;
        var expected = $"a vector of {plan.InputSize} Single values (the network's input size)";
        _features = ColumnRequirements.Find(inputSchema, featureColumnName, expected);
        if (!_features.Type.Equals(new VectorDataViewType(NumberDataViewType.Single, plan.InputSize)))
        {
            throw new SchemaMismatchException(featureColumnName, expected, ColumnRequirements.Describe(_features.Type));
        }

        CheckLabelKeyCount(inputSchema, labelColumnName);
        var layout = plan.Layout;
        AddedColumns = plan.Columns.Select(c => c.ToAddedColumn(layout.OutputUnits, layout.NamesPerUnit)).ToList();
        InputColumns = [_features];
    }

    public override IReadOnlyList<AddedColumn> AddedColumns { get; }

    public override IReadOnlyList<DataViewSchema.Column> InputColumns { get; }

    public override bool ReadsAhead => true;

    public override Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive) =>
        Getters(isActive, () => new RowByRowPredictions(_plan, input, _features));

    public override Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive, InputLookahead lookahead) =>
        Getters(isActive, () => new LookaheadPredictions(_plan, input, lookahead, _features));

    private Delegate?[] Getters(Func<int, bool> isActive, Func<RowPredictions> createPredictions)
    {
        var getters = new Delegate?[_plan.Columns.Count];
        if (!Enumerable.Range(0, getters.Length).Any(isActive))
        {
            // The features are not even active in the input when no prediction column is asked for.
            return getters;
        }

        var predictions = createPredictions();
        for (var i = 0; i < getters.Length; i++)
        {
            getters[i] = isActive(i) ? _plan.CreateGetter(_plan.Columns[i], predictions) : null;
        }

        return getters;
    }

    public override string? OnnxBlocker => _plan.OnnxBlocker;

    /// <summary>The plan's outputs, then each prediction column under the same name and type as in <see cref="AddedColumns"/>.</summary>
    public override void SaveAsOnnx(OnnxGraph graph) =>
        _plan.SaveAsOnnx(graph, graph.Variable(_features.Name), i => graph.Column(AddedColumns[i].Name, AddedColumns[i].Type));

    /// <summary>Data carrying the training label as a key must have the same classes, or evaluation would compare different keys.</summary>
    private void CheckLabelKeyCount(DataViewSchema inputSchema, string labelColumnName)
    {
        var layout = _plan.Layout;
        if (layout.Task == TaskDefinition.Multiclass
            && inputSchema.GetColumnOrNull(labelColumnName) is { Type: KeyDataViewType key }
            && key.Count != (ulong)layout.OutputUnits)
        {
            throw new SchemaMismatchException(labelColumnName, $"a key of {layout.OutputUnits} classes, as the model was trained with", $"a key of {key.Count} classes");
        }
    }
}
