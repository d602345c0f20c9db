namespace MlNetMlp.Schedules;

/// <summary>
/// Keras's <c>PolynomialDecay</c>: (initial - end) · (1 - step / decaySteps)^power + end, with step capped at
/// <paramref name="decaySteps"/>, or with <paramref name="cycle"/> over the first multiple of decaySteps at or above step.
/// </summary>
/// <param name="initialLearningRate">The rate at step 0, above 0.</param>
/// <param name="decaySteps">Steps to reach <paramref name="endLearningRate"/>, above 0.</param>
/// <param name="endLearningRate">The final rate, at least 0 (Keras's 0.0001).</param>
/// <param name="power">The polynomial's power, above 0 (1 is linear).</param>
/// <param name="cycle">Whether to decay again over each later multiple of decaySteps.</param>
public sealed class PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate = 0.0001, double power = 1, bool cycle = false) : MlpLearningRateSchedule
{
    private readonly double _initial = Checked(initialLearningRate, decaySteps, endLearningRate, power);

    /// <inheritdoc />
    public override double Rate(long step)
    {
        double steps = decaySteps, current = step;
        if (cycle)
        {
            steps *= step == 0 ? 1 : Math.Ceiling(step / decaySteps);
        }
        else
        {
            current = Math.Min(current, steps);
        }

        return (_initial - endLearningRate) * Math.Pow(1 - current / steps, power) + endLearningRate;
    }

    private protected override IEnumerable<(string, object?)> Arguments() =>
        [(nameof(initialLearningRate), initialLearningRate), (nameof(decaySteps), decaySteps), (nameof(endLearningRate), endLearningRate), (nameof(power), power), (nameof(cycle), cycle)];

    private static double Checked(double initial, double steps, double end, double power)
    {
        RequirePositive(initial, nameof(initialLearningRate));
        RequirePositive(steps, nameof(decaySteps));
        RequireNonNegative(end, nameof(endLearningRate));
        RequirePositive(power, nameof(power));
        return initial;
    }
}
