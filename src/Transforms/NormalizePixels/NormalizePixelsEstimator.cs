using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.NormalizePixels;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="NormalizePixelsTransformer"/>: checks the pixel column and, when asked to
/// standardize, learns the mean and standard deviation of the scaled pixels in one pass over the data.
/// </summary>
public sealed class NormalizePixelsEstimator : OneToOneEstimator<NormalizePixelsTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>The largest value of an 8-bit pixel.</summary>
        public const float MaxPixelValue = 255f;
    }

    private readonly float _maxPixelValue;
    private readonly bool _standardize;
    private readonly bool _clamp;

    internal NormalizePixelsEstimator(string outputColumnName, string inputColumnName, float maxPixelValue, bool standardize, bool clamp)
        : base(outputColumnName, inputColumnName)
    {
        if (!(maxPixelValue > 0) || float.IsInfinity(maxPixelValue))
        {
            throw new ArgumentOutOfRangeException(nameof(maxPixelValue), $"Expected a positive, finite maxPixelValue. Received: {maxPixelValue}.");
        }

        _maxPixelValue = maxPixelValue;
        _standardize = standardize;
        _clamp = clamp;
    }

    private protected override string InputExpectation => PixelColumn.Expected;

    /// <summary>Checks the input column and learns the standardization statistics when they were asked for.</summary>
    private protected override NormalizePixelsTransformer FitChecked(IDataView input)
    {
        var unstandardized = new NormalizePixelsTransformer(OutputColumnName, InputColumnName, _maxPixelValue, _clamp, statistics: null);
        var schema = unstandardized.GetOutputSchema(input.Schema);
        return _standardize
            ? new NormalizePixelsTransformer(OutputColumnName, InputColumnName, _maxPixelValue, _clamp, LearnStatistics(unstandardized.Transform(input), schema))
            : unstandardized;
    }

    private protected override SchemaShape.Column OutputShape(SchemaShape.Column input)
    {
        if (input.Kind != SchemaShape.Column.VectorKind.Vector || input.IsKey || !PixelColumn.IsPixelType(input.ItemType))
        {
            throw new SchemaMismatchException(InputColumnName, PixelColumn.Expected, ColumnRequirements.Describe(input));
        }

        return ColumnRequirements.Shape(OutputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false);
    }

    private PixelStatistics LearnStatistics(IDataView scaled, DataViewSchema schema)
    {
        var column = schema[OutputColumnName];
        double sum = 0, sumOfSquares = 0;
        long count = 0;
        using (var cursor = scaled.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var pixels = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref pixels);
                foreach (var value in pixels.DenseValues())
                {
                    sum += value;
                    sumOfSquares += (double)value * value;
                }

                count += pixels.Length;
            }
        }

        if (count == 0)
        {
            throw new InvalidOperationException($"Column '{InputColumnName}': cannot learn the pixel mean and standard deviation from empty data.");
        }

        var mean = sum / count;
        var deviation = Math.Sqrt(Math.Max(0, sumOfSquares / count - mean * mean));
        if (deviation == 0)
        {
            throw new InvalidOperationException($"Column '{InputColumnName}': every pixel has the value {mean * _maxPixelValue}; a standard deviation of 0 cannot standardize.");
        }

        return new PixelStatistics((float)mean, (float)deviation);
    }
}
