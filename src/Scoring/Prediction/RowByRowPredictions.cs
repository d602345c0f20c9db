using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// Predictions computed one row at a time from the features of the row itself: what a <c>PredictionEngine</c> and a
/// shuffled cursor get (a shuffled order cannot be read ahead). Nothing is allocated per row.
/// </summary>
internal sealed class RowByRowPredictions : RowPredictions
{
    private readonly DataViewRow _row;
    private readonly RowScorer _scorer;
    private readonly ValueGetter<VBuffer<float>> _features;
    private readonly ValueGetter<DataViewRowId> _id;
    private readonly FeatureBlock _block;
    private readonly PredictionBuffer _outputs;
    private VBuffer<float> _values;
    private DataViewRowId _rowId;
    private long _position = -1;

    public RowByRowPredictions(ScoringPlan plan, DataViewRow row, DataViewSchema.Column features)
    {
        _row = row;
        _scorer = plan.CreateScorer();
        _features = row.GetGetter<VBuffer<float>>(features);
        _id = row.GetIdGetter();
        _block = new FeatureBlock(features.Name, plan.InputSize);
        _outputs = new PredictionBuffer(1, plan.OutputSize, plan.HasUncertainty);
    }

    public override RowOutputs Current
    {
        get
        {
            if (_row.Position != _position)
            {
                _features(ref _values);
                _id(ref _rowId);
                _block.Clear();
                _block.Add(_values, _row.Position);
                _scorer.Score(_block.Indices(0), _block.Values(0), _rowId, _outputs, 0);
                _position = _row.Position;
            }

            return _outputs.Outputs(0);
        }
    }
}
