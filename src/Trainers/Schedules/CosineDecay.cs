namespace MlNetMlp.Schedules;

/// <summary>
/// Keras's <c>CosineDecay</c> with its optional linear warmup: without <paramref name="warmupTarget"/>, initial ·
/// ((1 - alpha) · ½(1 + cos(π · min(step, decaySteps) / decaySteps)) + alpha); with it, the rate rises linearly from
/// initial to the target over <paramref name="warmupSteps"/>, then decays from the target the same way.
/// </summary>
/// <param name="initialLearningRate">The rate at step 0, at least 0 (0 is usual with a warmup).</param>
/// <param name="decaySteps">Steps of the cosine decay, above 0.</param>
/// <param name="alpha">The final rate as a fraction of the decay's start, in [0, 1].</param>
/// <param name="warmupTarget">The rate the warmup reaches, or null for no warmup.</param>
/// <param name="warmupSteps">Steps of the warmup, at least 0.</param>
public sealed class CosineDecay(double initialLearningRate, double decaySteps, double alpha = 0, double? warmupTarget = null, double warmupSteps = 0) : MlpLearningRateSchedule
{
    private readonly double _initial = Checked(initialLearningRate, decaySteps, alpha, warmupTarget, warmupSteps);

    /// <inheritdoc />
    public override double Rate(long step)
    {
        if (warmupTarget is not { } target)
        {
            return Decayed(Math.Min(step, decaySteps), _initial);
        }

        var current = Math.Min(step, decaySteps + warmupSteps);
        return current < warmupSteps
            ? (target - _initial) * (current / warmupSteps) + _initial
            : Decayed(current - warmupSteps, target);
    }

    private protected override IEnumerable<(string, object?)> Arguments() =>
        [(nameof(initialLearningRate), initialLearningRate), (nameof(decaySteps), decaySteps), (nameof(alpha), alpha), (nameof(warmupTarget), warmupTarget), (nameof(warmupSteps), warmupSteps)];

    private double Decayed(double step, double from) => from * ((1 - alpha) * (0.5 * (1 + Math.Cos(Math.PI * (step / decaySteps)))) + alpha);

    private static double Checked(double initial, double steps, double alpha, double? target, double warmup)
    {
        RequireNonNegative(initial, nameof(initialLearningRate));
        RequirePositive(steps, nameof(decaySteps));
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), $"Expected alpha in [0, 1]. Received: alpha={Format(alpha)}");
        }

        RequireNonNegative(warmup, nameof(warmupSteps));
        if (target is { } value)
        {
            RequirePositive(value, nameof(warmupTarget));
            RequirePositive(warmup, nameof(warmupSteps));
        }
        else if (!(initial > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(initialLearningRate), $"Expected initialLearningRate > 0 without a warmup. Received: initialLearningRate={Format(initial)}");
        }

        return initial;
    }
}
