namespace MlNetMlp.Schedules;

/// <summary>
/// Keras's <c>PiecewiseConstantDecay</c>: <c>values[0]</c> while step ≤ <c>boundaries[0]</c>, <c>values[i]</c> while
/// <c>boundaries[i-1]</c> &lt; step ≤ <c>boundaries[i]</c>, and the last value after the last boundary.
/// </summary>
public sealed class PiecewiseConstantDecay : MlpLearningRateSchedule
{
    private readonly long[] _boundaries;
    private readonly double[] _values;

    /// <summary>Creates the schedule.</summary>
    /// <param name="boundaries">Strictly increasing steps, at least 0.</param>
    /// <param name="values">One rate more than there are boundaries, each finite and at least 0.</param>
    public PiecewiseConstantDecay(IReadOnlyList<long> boundaries, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != boundaries.Count + 1)
        {
            throw new ArgumentException(
                $"Expected one value more than there are boundaries. Received: {boundaries.Count} boundaries and {values.Count} values", nameof(values));
        }

        for (var i = 0; i < boundaries.Count; i++)
        {
            if (boundaries[i] < 0 || (i > 0 && boundaries[i] <= boundaries[i - 1]))
            {
                throw new ArgumentOutOfRangeException(nameof(boundaries), $"Expected strictly increasing boundaries >= 0. Received: boundaries=[{string.Join(", ", boundaries)}]");
            }
        }

        foreach (var value in values)
        {
            RequireNonNegative(value, nameof(values));
        }

        _boundaries = [.. boundaries];
        _values = [.. values];
    }

    /// <inheritdoc />
    public override double Rate(long step)
    {
        for (var i = 0; i < _boundaries.Length; i++)
        {
            if (step <= _boundaries[i])
            {
                return _values[i];
            }
        }

        return _values[^1];
    }

    private protected override IEnumerable<(string, object?)> Arguments() => [("boundaries", _boundaries), ("values", _values)];
}
