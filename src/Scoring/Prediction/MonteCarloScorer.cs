using Microsoft.ML.Data;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// Monte Carlo dropout (Gal and Ghahramani, 2016): the deterministic pass for the usual columns, then
/// <see cref="MlpMonteCarloDropout.Samples"/> passes with dropout left on, whose activated outputs give the predictive
/// mean and standard deviation (divided by the number of passes). One pass has no spread: with one sample the mean is
/// the deterministic pass and the deviation 0.
/// </summary>
internal sealed class MonteCarloScorer : RowScorer
{
    private readonly ForwardPass _pass;
    private readonly MlpMonteCarloDropout _settings;
    private readonly StochasticNoise _noise = new();
    private readonly float[] _sampleRaw;
    private readonly float[] _sample;
    private readonly float[] _squares;

    public MonteCarloScorer(MlpModel model, MlpMonteCarloDropout settings)
    {
        _pass = new ForwardPass(model);
        _settings = settings;
        _sampleRaw = new float[model.OutputSize];
        _sample = new float[model.OutputSize];
        _squares = new float[model.OutputSize];
    }

    public override void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, DataViewRowId id, PredictionBuffer destination, int slot)
    {
        var activated = destination.Activated(slot);
        var mean = destination.Mean(slot);
        var spread = destination.Spread(slot);
        _pass.Run(indices, values, destination.Raw(slot), activated);
        if (_settings.Samples == 1)
        {
            activated.CopyTo(mean);
            spread.Clear();
            return;
        }

        var m2 = _squares.AsSpan();
        mean.Clear();
        m2.Clear();
        for (var pass = 0; pass < _settings.Samples; pass++)
        {
            _noise.Reset(_settings.Seed, id, pass);
            _pass.Run(indices, values, _sampleRaw, _sample, _noise);
            OnlineMoments.Add(_sample, pass + 1, mean, m2);
        }

        OnlineMoments.StandardDeviation(m2, _settings.Samples, spread);
    }
}
