using Microsoft.ML.Data;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// A deep ensemble (Lakshminarayanan et al., 2017): every member's deterministic pass, combined by averaging the
/// activated outputs (probabilities, or values for regression), with their standard deviation across members as the
/// spread. The raw output is the one that gives the mean back through the output activation (the logit of the mean
/// probability for a sigmoid, its log for a softmax), so a binary Score and Probability agree on the predicted label.
/// </summary>
internal sealed class EnsembleScorer : RowScorer
{
    private const float Tiny = 1e-7f;

    private readonly ForwardPass[] _members;
    private readonly MlpActivation _outputActivation;
    private readonly float[] _memberRaw;
    private readonly float[] _member;
    private readonly float[] _squares;

    public EnsembleScorer(IReadOnlyList<MlpModel> members)
    {
        _members = members.Select(m => new ForwardPass(m)).ToArray();
        _outputActivation = members[0].OutputActivation;
        _memberRaw = new float[members[0].OutputSize];
        _member = new float[members[0].OutputSize];
        _squares = new float[members[0].OutputSize];
    }

    public override void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, DataViewRowId id, PredictionBuffer destination, int slot)
    {
        var mean = destination.Mean(slot);
        var m2 = _squares.AsSpan();
        mean.Clear();
        m2.Clear();
        for (var k = 0; k < _members.Length; k++)
        {
            _members[k].Run(indices, values, _memberRaw, _member);
            OnlineMoments.Add(_member, k + 1, mean, m2);
        }

        OnlineMoments.StandardDeviation(m2, _members.Length, destination.Spread(slot));
        mean.CopyTo(destination.Activated(slot));
        var raw = destination.Raw(slot);
        for (var u = 0; u < raw.Length; u++)
        {
            var p = Math.Clamp(mean[u], Tiny, 1 - Tiny);
            raw[u] = _outputActivation switch
            {
                MlpActivation.Sigmoid => MathF.Log(p / (1 - p)),
                MlpActivation.Softmax => MathF.Log(p),
                _ => mean[u],
            };
        }
    }
}
