using System.Numerics;
using Microsoft.ML.Data;

namespace MlNetMlp.Transforms.VectorizeSequences;

/// <summary>
/// Encodes one sequence of indices as a sparse multi-hot vector of a fixed dimension: the indices are
/// collected, sorted and merged, so each row costs O(n log n) in its length n and the output holds only
/// its nonzeros, never the whole dimension. Integer values are indices as they are (0 included, as in
/// Keras' <c>vectorize_sequences</c>); a key value k is index k - 1 (ML.NET's key-to-slot rule) and the
/// missing key 0 is skipped.
/// </summary>
internal sealed class MultiHotEncoder<T>
    where T : unmanaged, IBinaryInteger<T>
{
    private readonly string _columnName;
    private readonly int _dimension;
    private readonly bool _counts;
    private readonly IndexBeyondDimension _beyondDimension;
    private readonly bool _isKey;
    private int[] _indices = new int[256];

    public MultiHotEncoder(string columnName, int dimension, bool counts, IndexBeyondDimension beyondDimension, bool isKey)
    {
        _columnName = columnName;
        _dimension = dimension;
        _counts = counts;
        _beyondDimension = beyondDimension;
        _isKey = isKey;
    }

    /// <summary>Writes the multi-hot vector of <paramref name="sequence"/> (row <paramref name="row"/>, for messages) into <paramref name="destination"/>.</summary>
    public void Encode(in VBuffer<T> sequence, long row, ref VBuffer<float> destination)
    {
        var values = sequence.GetValues();
        if (_indices.Length < values.Length + 1)
        {
            _indices = new int[Math.Max(values.Length + 1, _indices.Length * 2)];
        }

        var count = 0;
        for (var position = 0; position < values.Length; position++)
        {
            var value = values[position];
            if (_isKey && T.IsZero(value))
            {
                continue;
            }

            if (T.IsNegative(value))
            {
                throw new InvalidOperationException(
                    $"Column '{_columnName}', row {row}, position {position}: expected word indices >= 0, found {value}.");
            }

            var index = ulong.CreateTruncating(value) - (_isKey ? 1UL : 0UL);
            if (index >= (ulong)_dimension)
            {
                if (_beyondDimension == IndexBeyondDimension.Drop)
                {
                    continue;
                }

                throw new InvalidOperationException(
                    $"Column '{_columnName}', row {row}, position {position}: expected indices below dimension={_dimension}, found " +
                    (_isKey ? $"key {value} (index {index})" : $"{value}") +
                    ". Raise the dimension, or pass indexBeyondDimension: IndexBeyondDimension.Drop to leave such indices out as Keras num_words does.");
            }

            _indices[count++] = (int)index;
        }

        // A sparse input's implicit values are zeros: index 0 for integers, the missing key for keys.
        var implicitZeros = sequence.IsDense || _isKey ? 0 : sequence.Length - values.Length;
        if (implicitZeros > 0)
        {
            _indices[count++] = 0;
        }

        var sorted = _indices.AsSpan(0, count);
        sorted.Sort();
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        var editor = VBufferEditor.Create(ref destination, _dimension, distinct, requireIndicesOnDense: true);
        var slot = -1;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                slot++;
                editor.Indices[slot] = sorted[i];
                editor.Values[slot] = 1f;
            }
            else if (_counts)
            {
                editor.Values[slot]++;
            }
        }

        if (_counts && implicitZeros > 1)
        {
            editor.Values[0] += implicitZeros - 1;
        }

        destination = editor.Commit();
    }
}
