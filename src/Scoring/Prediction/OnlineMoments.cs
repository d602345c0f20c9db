namespace MlNetMlp.Scoring.Prediction;

/// <summary>Welford's running mean and sum of squared deviations, per output unit: stable in one pass over the samples.</summary>
internal static class OnlineMoments
{
    /// <summary>Adds the <paramref name="count"/>-th sample to the running <paramref name="mean"/> and <paramref name="m2"/>.</summary>
    public static void Add(ReadOnlySpan<float> sample, int count, Span<float> mean, Span<float> m2)
    {
        for (var k = 0; k < sample.Length; k++)
        {
            var delta = sample[k] - mean[k];
            mean[k] += delta / count;
            m2[k] += delta * (sample[k] - mean[k]);
        }
    }

    /// <summary>The standard deviation of <paramref name="count"/> samples (dividing by the count) from their <paramref name="m2"/>.</summary>
    public static void StandardDeviation(ReadOnlySpan<float> m2, int count, Span<float> destination)
    {
        for (var k = 0; k < m2.Length; k++)
        {
            destination[k] = MathF.Sqrt(Math.Max(0, m2[k]) / count);
        }
    }
}
