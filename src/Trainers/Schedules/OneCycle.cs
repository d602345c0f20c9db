namespace MlNetMlp.Schedules;

/// <summary>
/// PyTorch's <c>OneCycleLR</c> (Smith and Topin, 2019) for the rate, two phases with cosine annealing: from
/// maxRate / <paramref name="divFactor"/> up to <paramref name="maxLearningRate"/> over the first
/// <paramref name="pctStart"/> of <paramref name="totalSteps"/>, then down to that start / <paramref name="finalDivFactor"/>.
/// After <paramref name="totalSteps"/> the rate stays at its last value (PyTorch raises). Momentum is not cycled.
/// </summary>
/// <param name="maxLearningRate">The peak rate, above 0.</param>
/// <param name="totalSteps">Steps of the whole cycle, at least 2 (epochs × batches per epoch for one cycle per run).</param>
/// <param name="pctStart">The fraction of the cycle spent rising, in (0, 1).</param>
/// <param name="divFactor">The start is maxRate / divFactor, above 0.</param>
/// <param name="finalDivFactor">The end is start / finalDivFactor, above 0.</param>
public sealed class OneCycle(double maxLearningRate, long totalSteps, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4) : MlpLearningRateSchedule
{
    private readonly double _start = Checked(maxLearningRate, totalSteps, pctStart, divFactor, finalDivFactor) / divFactor;

    /// <inheritdoc />
    public override double Rate(long step)
    {
        var current = (double)Math.Min(step, totalSteps - 1);
        var peak = pctStart * totalSteps - 1;
        var end = _start / finalDivFactor;
        return current <= peak
            ? Anneal(_start, maxLearningRate, current / peak)
            : Anneal(maxLearningRate, end, (current - peak) / (totalSteps - 1 - peak));
    }

    private protected override IEnumerable<(string, object?)> Arguments() =>
        [(nameof(maxLearningRate), maxLearningRate), (nameof(totalSteps), totalSteps), (nameof(pctStart), pctStart), (nameof(divFactor), divFactor), (nameof(finalDivFactor), finalDivFactor)];

    /// <summary>PyTorch's cosine annealing from <paramref name="from"/> to <paramref name="to"/> at <paramref name="fraction"/> of the way.</summary>
    private static double Anneal(double from, double to, double fraction) => to + (from - to) / 2 * (Math.Cos(Math.PI * fraction) + 1);

    private static double Checked(double max, long total, double pct, double div, double finalDiv)
    {
        RequirePositive(max, nameof(maxLearningRate));
        if (total < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), $"Expected totalSteps >= 2. Received: totalSteps={total}");
        }

        if (!(pct > 0 && pct < 1) || pct * total - 1 <= 0 || pct * total - 1 >= total - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pctStart), $"Expected pctStart in (0, 1) leaving at least one step to each phase of {total} steps. Received: pctStart={Format(pct)}");
        }

        RequirePositive(div, nameof(divFactor));
        RequirePositive(finalDiv, nameof(finalDivFactor));
        return max;
    }
}
