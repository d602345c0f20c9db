namespace MlNetMlp.Schedules;

/// <summary>Keras's <c>InverseTimeDecay</c>: initial / (1 + rate · step / decaySteps), the quotient floored when <paramref name="staircase"/>.</summary>
/// <param name="initialLearningRate">The rate at step 0, above 0.</param>
/// <param name="decaySteps">How often the decay applies, above 0.</param>
/// <param name="decayRate">The decay rate, at least 0.</param>
/// <param name="staircase">Whether the rate changes only every <paramref name="decaySteps"/> steps.</param>
public sealed class InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false) : MlpLearningRateSchedule
{
    private readonly double _initial = Checked(initialLearningRate, decaySteps, decayRate);

    /// <inheritdoc />
    public override double Rate(long step)
    {
        var p = step / decaySteps;
        return _initial / (1 + decayRate * (staircase ? Math.Floor(p) : p));
    }

    private protected override IEnumerable<(string, object?)> Arguments() =>
        [(nameof(initialLearningRate), initialLearningRate), (nameof(decaySteps), decaySteps), (nameof(decayRate), decayRate), (nameof(staircase), staircase)];

    private static double Checked(double initial, double steps, double rate)
    {
        RequirePositive(initial, nameof(initialLearningRate));
        RequirePositive(steps, nameof(decaySteps));
        RequireNonNegative(rate, nameof(decayRate));
        return initial;
    }
}
