using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.NormalizePixels;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="NormalizePixelsTransformer"/>: checks the pixel column and, when asked to
/// standardize, learns the mean and standard deviation of the scaled pixels in one pass over the data.
/// </summary>
public sealed class NormalizePixelsEstimator : IEstimator<NormalizePixelsTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>The largest value of an 8-bit pixel.</summary>
        public const float MaxPixelValue = 255f;
    }

    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly float _maxPixelValue;
    private readonly bool _standardize;
    private readonly bool _clamp;

    internal NormalizePixelsEstimator(string outputColumnName, string inputColumnName, float maxPixelValue, bool standardize, bool clamp)
    {
        MlNetVersionGuard.EnsureSupported();
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        if (!(maxPixelValue > 0) || float.IsInfinity(maxPixelValue))
        {
            throw new ArgumentOutOfRangeException(nameof(maxPixelValue), $"Expected a positive, finite maxPixelValue. Received: {maxPixelValue}.");
        }

        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName;
        _maxPixelValue = maxPixelValue;
        _standardize = standardize;
        _clamp = clamp;
    }

    /// <summary>Checks the input column and learns the standardization statistics when they were asked for.</summary>
    public NormalizePixelsTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unstandardized = new NormalizePixelsTransformer(_outputColumnName, _inputColumnName, _maxPixelValue, _clamp, statistics: null);
        var schema = unstandardized.GetOutputSchema(input.Schema);
        return _standardize
            ? new NormalizePixelsTransformer(_outputColumnName, _inputColumnName, _maxPixelValue, _clamp, LearnStatistics(unstandardized.Transform(input), schema))
            : unstandardized;
    }

    /// <summary>The schema shape after the transform; throws <see cref="SchemaMismatchException"/> when the input column does not fit.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = ColumnRequirements.Find(inputSchema, _inputColumnName, PixelColumn.Expected);
        if (input.Kind != SchemaShape.Column.VectorKind.Vector || input.IsKey || !PixelColumn.IsPixelType(input.ItemType))
        {
            throw new SchemaMismatchException(_inputColumnName, PixelColumn.Expected, ColumnRequirements.Describe(input));
        }

        return ColumnRequirements.With(inputSchema,
            ColumnRequirements.Shape(_outputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false));
    }

    private PixelStatistics LearnStatistics(IDataView scaled, DataViewSchema schema)
    {
        var column = schema[_outputColumnName];
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
            throw new InvalidOperationException($"Column '{_inputColumnName}': cannot learn the pixel mean and standard deviation from empty data.");
        }

        var mean = sum / count;
        var deviation = Math.Sqrt(Math.Max(0, sumOfSquares / count - mean * mean));
        if (deviation == 0)
        {
            throw new InvalidOperationException($"Column '{_inputColumnName}': every pixel has the value {mean * _maxPixelValue}; a standard deviation of 0 cannot standardize.");
        }

        return new PixelStatistics((float)mean, (float)deviation);
    }
}
