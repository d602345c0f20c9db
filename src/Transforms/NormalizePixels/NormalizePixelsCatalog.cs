using Microsoft.ML;
using MlNetMlp.Transforms;

namespace MlNetMlp;

/// <summary>The <c>NormalizePixels</c> entry point on <c>mlContext.Transforms</c>.</summary>
public static class NormalizePixelsCatalog
{
    /// <summary>
    /// Scales raw pixel intensities to [0, 1] by dividing by <paramref name="maxPixelValue"/>, as neural
    /// nets want them; optionally standardizes with a mean and standard deviation learned in <c>Fit</c>.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The output column: a known-size vector of Single, flattened (28x28 becomes 784).</param>
    /// <param name="inputColumnName">The input column, a known-size vector of Byte, Single or Double; defaults to <paramref name="outputColumnName"/>.</param>
    /// <param name="maxPixelValue">The largest intensity the input can hold; values are divided by it. 255 for 8-bit images.</param>
    /// <param name="standardize">When true, <c>Fit</c> learns the mean and standard deviation of the scaled pixels and the output is (x - mean) / std.</param>
    /// <param name="clamp">When true, values outside [0, <paramref name="maxPixelValue"/>] are clamped; when false they raise an error naming the column and row.</param>
    /// <returns>An estimator; fit it to get a <see cref="NormalizePixelsTransformer"/>.</returns>
    public static NormalizePixelsEstimator NormalizePixels(
        this TransformsCatalog catalog,
        string outputColumnName,
        string? inputColumnName = null,
        float maxPixelValue = NormalizePixelsEstimator.Defaults.MaxPixelValue,
        bool standardize = false,
        bool clamp = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NormalizePixelsEstimator(outputColumnName, inputColumnName ?? outputColumnName, maxPixelValue, standardize, clamp);
    }
}
