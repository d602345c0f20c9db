namespace MlNetMlp.Schedules;

/// <summary>Keras's <c>ExponentialDecay</c>: initial · rate^(step / decaySteps), the exponent floored when <paramref name="staircase"/>.</summary>
/// <param name="initialLearningRate">The rate at step 0, above 0.</param>
/// <param name="decaySteps">Steps over which the rate is multiplied by <paramref name="decayRate"/>, above 0.</param>
/// <param name="decayRate">The factor per <paramref name="decaySteps"/>, above 0.</param>
/// <param name="staircase">Whether the rate changes only every <paramref name="decaySteps"/> steps.</param>
public sealed class ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false) : MlpLearningRateSchedule
{
    private readonly double _initial = Checked(initialLearningRate, decaySteps, decayRate);

    /// <inheritdoc />
    public override double Rate(long step)
    {
        var exponent = step / decaySteps;
        return _initial * Math.Pow(decayRate, staircase ? Math.Floor(exponent) : exponent);
    }

    private protected override IEnumerable<(string, object?)> Arguments() =>
        [(nameof(initialLearningRate), initialLearningRate), (nameof(decaySteps), decaySteps), (nameof(decayRate), decayRate), (nameof(staircase), staircase)];

    private static double Checked(double initial, double steps, double rate)
    {
        RequirePositive(initial, nameof(initialLearningRate));
        RequirePositive(steps, nameof(decaySteps));
        RequirePositive(rate, nameof(decayRate));
        return initial;
    }
}
