using Microsoft.ML.Data;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>One network's deterministic pass: dropout is the identity.</summary>
internal sealed class NetworkScorer(MlpModel model) : RowScorer
{
    private readonly ForwardPass _pass = new(model);

    public override void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, DataViewRowId id, PredictionBuffer destination, int slot) =>
        _pass.Run(indices, values, destination.Raw(slot), destination.Activated(slot));
}
