namespace MlNetMlp.Bench.Harness;

/// <summary>
/// Seconds per epoch as a peer reported them, summarized over epochs 2..N: the first epoch carries one-time costs
/// (JIT compilation, libtorch's first allocations, page faults) that say nothing about the steady state.
/// </summary>
internal sealed class EpochTimes(IReadOnlyList<double> seconds)
{
    public IReadOnlyList<double> Steady { get; } = seconds.Count > 1 ? seconds.Skip(1).ToList() : seconds;

    public double Median => Percentile.Median(Steady);

    public double Fastest => Steady.Min();

    public double Slowest => Steady.Max();
}

/// <summary>Order statistics of measured samples.</summary>
internal static class Percentile
{
    public static double Median(IEnumerable<double> samples) => Of(samples, 0.5);

    /// <summary>The <paramref name="fraction"/> quantile, interpolated between the two nearest samples.</summary>
    public static double Of(IEnumerable<double> samples, double fraction)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
