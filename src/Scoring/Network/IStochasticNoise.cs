namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The random numbers of a stochastic forward pass: the layers that are random in training (dropout, Gaussian noise)
/// left on at inference, as Monte Carlo dropout needs.
/// </summary>
internal interface IStochasticNoise
{
    /// <summary>Zeroes each of <paramref name="units"/> with probability <paramref name="rate"/> and scales the rest by 1/(1 - rate), as dropout does in training.</summary>
    void Drop(Span<float> units, float rate);

    /// <summary>Adds to each of <paramref name="units"/> a normal draw of mean 0 and standard deviation <paramref name="stddev"/>.</summary>
    void AddGaussian(Span<float> units, float stddev);
}
