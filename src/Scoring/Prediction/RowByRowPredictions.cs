using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Network;

namespace MlNetMlp.Prediction;

/// <summary>
/// Predictions computed one row at a time from the features of the row itself: what a <c>PredictionEngine</c> and a
/// shuffled cursor get (a shuffled order cannot be read ahead). Nothing is allocated per row.
/// </summary>
internal sealed class RowByRowPredictions : RowPredictions
{
    private readonly DataViewRow _row;
    private readonly ForwardPass _pass;
    private readonly ValueGetter<VBuffer<float>> _features;
    private readonly FeatureBlock _block;
    private readonly float[] _raw;
    private readonly float[] _activated;
    private VBuffer<float> _values;
    private long _position = -1;

    public RowByRowPredictions(MlpModel model, DataViewRow row, DataViewSchema.Column features)
    {
        _row = row;
        _pass = new ForwardPass(model.Architecture, model.DenseLayers);
        _features = row.GetGetter<VBuffer<float>>(features);
        _block = new FeatureBlock(features.Name, model.InputSize);
        _raw = new float[model.OutputSize];
        _activated = new float[model.OutputSize];
    }

    public override RowOutputs Current
    {
        get
        {
            if (_row.Position != _position)
            {
                _features(ref _values);
                _block.Clear();
                _block.Add(_values, _row.Position);
                _pass.Run(_block.Indices(0), _block.Values(0), _raw, _activated);
                _position = _row.Position;
            }

            return new RowOutputs(_raw, _activated);
        }
    }
}
