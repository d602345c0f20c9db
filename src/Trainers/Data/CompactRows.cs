using Microsoft.ML.Data;

namespace MlNetMlp.Trainers.Data;

/// <summary>
/// Training rows read once into their final compact form, with no copy made afterwards: each feature row is kept dense
/// (its values) or sparse (non-zero values and their slots), whichever is smaller, so a 10,000-word multi-hot costs its
/// non-zeros and a mostly blank MNIST digit about 40 % of its width; target rows and example weights beside them.
/// Rows go back out one at a time, densified into a caller's buffer.
/// </summary>
internal sealed class CompactRows
{
    private const int FirstBlockValues = 1 << 12;
    private const int LargestBlockValues = 1 << 20;
    private readonly BlockBuffer<float> _values = new(FirstBlockValues, LargestBlockValues);
    private readonly BlockBuffer<int> _slots = new(FirstBlockValues, LargestBlockValues);
    private readonly RowBlocks<StoredRow> _rows = new(1);
    private readonly RowBlocks<float> _targets;
    private readonly RowBlocks<float>? _weights;

    public CompactRows(int featureCount, int targetCount, bool hasWeights)
    {
        FeatureCount = featureCount;
        _targets = new RowBlocks<float>(targetCount);
        _weights = hasWeights ? new RowBlocks<float>(1) : null;
    }

    public int FeatureCount { get; }

    public int TargetCount => _targets.Width;

    public bool HasWeights => _weights is not null;

    public int Count => _rows.Count;

    /// <summary>Bytes held for the rows so far.</summary>
    public long Bytes => _values.Bytes + _slots.Bytes + _rows.Bytes + _targets.Bytes + (_weights?.Bytes ?? 0);

    /// <summary>Appends the current row of <paramref name="reader"/>.</summary>
    public void Add(TrainingRowReader reader)
    {
        ref readonly var features = ref reader.ReadFeatures();
        var values = features.GetValues();
        var nonZeros = features.IsDense ? CountNonZeros(values) : values.Length;
        _rows.Append()[0] = 2L * nonZeros < FeatureCount ? AddSparse(features, nonZeros) : AddDense(features);
        reader.ReadTargets(_targets.Append());
        if (_weights is not null)
        {
            _weights.Append()[0] = reader.ReadWeight();
        }
    }

    /// <summary>
    /// Writes row <paramref name="row"/> into the destinations. <paramref name="features"/> already holds row
    /// <paramref name="heldRow"/> (-1 when unknown): when both are sparse only the held row's non-zeros are cleared,
    /// so densifying costs the non-zeros, not the width.
    /// </summary>
    public void CopyRow(int row, int heldRow, Span<float> features, Span<float> target, Span<float> weight)
    {
        var stored = _rows[row][0];
        if (stored.IsDense)
        {
            _values.Read(stored.Values, FeatureCount).Span.CopyTo(features);
        }
        else
        {
            StoredRow? held = heldRow < 0 ? null : _rows[heldRow][0];
            if (held is { IsDense: false } sparse)
            {
                foreach (var slot in _slots.Read(sparse.Slots, sparse.Length).Span)
                {
                    features[slot] = 0;
                }
            }
            else
            {
                features.Clear();
            }

            var values = _values.Read(stored.Values, stored.Length).Span;
            var slots = _slots.Read(stored.Slots, stored.Length).Span;
            for (var i = 0; i < slots.Length; i++)
            {
                features[slots[i]] = values[i];
            }
        }

        _targets[row].CopyTo(target);
        _weights?[row].CopyTo(weight);
    }

    private StoredRow AddDense(in VBuffer<float> features)
    {
        features.CopyTo(_values.Append(FeatureCount, out var position));
        return new StoredRow(position, default, FeatureCount, IsDense: true);
    }

    private StoredRow AddSparse(in VBuffer<float> features, int nonZeros)
    {
        var values = _values.Append(nonZeros, out var valuesPosition);
        var slots = _slots.Append(nonZeros, out var slotsPosition);
        if (features.IsDense)
        {
            var dense = features.GetValues();
            for (int slot = 0, kept = 0; kept < nonZeros; slot++)
            {
                if (IsStoredAsNonZero(dense[slot]))
                {
                    values[kept] = dense[slot];
                    slots[kept++] = slot;
                }
            }
        }
        else
        {
            features.GetValues().CopyTo(values);
            features.GetIndices().CopyTo(slots);
        }

        return new StoredRow(valuesPosition, slotsPosition, nonZeros, IsDense: false);
    }

    private static int CountNonZeros(ReadOnlySpan<float> values)
    {
        var count = 0;
        foreach (var value in values)
        {
            count += IsStoredAsNonZero(value) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Only +0 may be left out: densifying writes +0, and -0 must come back as -0 for runs to stay bit-identical.</summary>
    private static bool IsStoredAsNonZero(float value) => BitConverter.SingleToInt32Bits(value) != 0;

    /// <summary>Where a feature row is: its values, and for a sparse row its slots (Length values and slots).</summary>
    private readonly record struct StoredRow(BlockPosition Values, BlockPosition Slots, int Length, bool IsDense);
}
