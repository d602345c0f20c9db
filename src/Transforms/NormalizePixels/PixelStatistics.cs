namespace MlNetMlp.Transforms;

/// <summary>The mean and standard deviation of scaled pixels, learned by <see cref="NormalizePixelsEstimator"/>.</summary>
/// <param name="Mean">The mean of all scaled pixel values.</param>
/// <param name="StandardDeviation">Their (population) standard deviation, greater than 0.</param>
public sealed record PixelStatistics(float Mean, float StandardDeviation);
