namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The random masks of a stochastic forward pass: dropout left on at inference, as Monte Carlo dropout needs.
/// </summary>
internal interface IDropoutNoise
{
    /// <summary>Zeroes each of <paramref name="units"/> with probability <paramref name="rate"/> and scales the rest by 1/(1 - rate), as dropout does in training.</summary>
    void Drop(Span<float> units, float rate);
}
