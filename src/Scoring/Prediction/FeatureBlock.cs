using System.Globalization;
using Microsoft.ML.Data;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// The feature vectors of a block of rows, each kept as its non-zero entries (indices and values), which is what the
/// forward pass reads. Dense rows drop their zeros on the way in; sparse rows come as they are. Every value is checked
/// finite here, so the network never sees NaN or infinity. The buffers grow to the largest block and are reused.
/// </summary>
internal sealed class FeatureBlock(string featureColumnName, int width)
{
    private int[] _indices = new int[width];
    private float[] _values = new float[width];
    private int[] _starts = new int[17];
    private int _count;

    /// <summary>Rows in the block.</summary>
    public int Rows { get; private set; }

    public void Clear()
    {
        Rows = 0;
        _count = 0;
    }

    /// <summary>Appends the features of the row at <paramref name="position"/> (used in messages).</summary>
    public void Add(in VBuffer<float> features, long position)
    {
        if (features.Length != width)
        {
            throw new InvalidOperationException($"Column '{featureColumnName}', row {position}: expected a vector of {width} values, found {features.Length}.");
        }

        var values = features.GetValues();
        EnsureRoom(values.Length);
        var indices = features.IsDense ? default : features.GetIndices();
        for (var k = 0; k < values.Length; k++)
        {
            var value = values[k];
            if (value == 0)
            {
                continue;
            }

            var slot = features.IsDense ? k : indices[k];
            if (!float.IsFinite(value))
            {
                throw new InvalidOperationException(
                    $"Column '{featureColumnName}', row {position}, slot {slot}: expected finite feature values, found {value.ToString(CultureInfo.InvariantCulture)}. " +
                    "Replace missing values first, e.g. with mlContext.Transforms.ReplaceMissingValues.");
            }

            _indices[_count] = slot;
            _values[_count++] = value;
        }

        Rows++;
        _starts[Rows] = _count;
    }

    /// <summary>The slots of the non-zero inputs of row <paramref name="row"/> of the block.</summary>
    public ReadOnlySpan<int> Indices(int row) => _indices.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);

    /// <summary>The values of the non-zero inputs of row <paramref name="row"/>, in the order of <see cref="Indices"/>.</summary>
    public ReadOnlySpan<float> Values(int row) => _values.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);

    private void EnsureRoom(int entries)
    {
        if (_count + entries > _values.Length)
        {
            var size = Math.Max(_count + entries, 2 * _values.Length);
            Array.Resize(ref _indices, size);
            Array.Resize(ref _values, size);
        }

        if (Rows + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, 2 * _starts.Length);
        }
    }
}
