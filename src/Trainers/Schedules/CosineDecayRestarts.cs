namespace MlNetMlp.Schedules;

/// <summary>
/// Keras's <c>CosineDecayRestarts</c> (SGDR, Loshchilov and Hutter): a cosine decay from initial to alpha · initial
/// over <paramref name="firstDecaySteps"/>, then restarts, each period <paramref name="tMul"/> times longer and starting
/// at <paramref name="mMul"/> times the previous period's rate.
/// </summary>
/// <param name="initialLearningRate">The rate at step 0, above 0.</param>
/// <param name="firstDecaySteps">Steps of the first period, above 0.</param>
/// <param name="tMul">How much longer each period is than the one before, above 0 (Keras's 2).</param>
/// <param name="mMul">The factor on each period's starting rate, above 0 (Keras's 1).</param>
/// <param name="alpha">The lowest rate as a fraction of the period's start, in [0, 1].</param>
public sealed class CosineDecayRestarts(double initialLearningRate, double firstDecaySteps, double tMul = 2, double mMul = 1, double alpha = 0) : MlpLearningRateSchedule
{
    private readonly double _initial = Checked(initialLearningRate, firstDecaySteps, tMul, mMul, alpha);

    /// <inheritdoc />
    public override double Rate(long step)
    {
        var completed = step / firstDecaySteps;
        double restart;
        if (tMul == 1)
        {
            restart = Math.Floor(completed);
            completed -= restart;
        }
        else
        {
            restart = Math.Floor(Math.Log(1 - completed * (1 - tMul)) / Math.Log(tMul));
            var before = (1 - Math.Pow(tMul, restart)) / (1 - tMul);
            completed = (completed - before) / Math.Pow(tMul, restart);
        }

        var cosine = 0.5 * Math.Pow(mMul, restart) * (1 + Math.Cos(Math.PI * completed));
        return _initial * ((1 - alpha) * cosine + alpha);
    }

    private protected override IEnumerable<(string, object?)> Arguments() =>
        [(nameof(initialLearningRate), initialLearningRate), (nameof(firstDecaySteps), firstDecaySteps), (nameof(tMul), tMul), (nameof(mMul), mMul), (nameof(alpha), alpha)];

    private static double Checked(double initial, double steps, double tMul, double mMul, double alpha)
    {
        RequirePositive(initial, nameof(initialLearningRate));
        RequirePositive(steps, nameof(firstDecaySteps));
        RequirePositive(tMul, nameof(tMul));
        RequirePositive(mMul, nameof(mMul));
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), $"Expected alpha in [0, 1]. Received: alpha={Format(alpha)}");
        }

        return initial;
    }
}
