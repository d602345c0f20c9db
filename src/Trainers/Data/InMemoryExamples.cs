using Microsoft.ML;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Trainers.Torch;

namespace MlNetMlp.Trainers.Data;

/// <summary>
/// Training examples read once from the data view into <see cref="CompactRows"/>. Every epoch shuffles row indices and
/// densifies one mini-batch at a time straight into the batch's tensors. A view over a row range serves the Keras-style
/// validation split without copying.
/// </summary>
internal sealed class InMemoryExamples : IMiniBatchSource
{
    private readonly CompactRows _rows;
    private readonly int _start;
    private readonly int _count;

    private InMemoryExamples(CompactRows rows, int start, int count)
    {
        _rows = rows;
        _start = start;
        _count = count;
    }

    public int FeatureCount => _rows.FeatureCount;

    public int TargetCount => _rows.TargetCount;

    public int RowCount => _count;

    /// <summary>
    /// Reads <paramref name="data"/>; returns null as soon as the cache would pass <paramref name="limitBytes"/>, in
    /// which case the caller streams instead.
    /// </summary>
    public static InMemoryExamples? TryLoad(IDataView data, TrainingColumns columns, TaskDefinition task, bool isValidation, long limitBytes, Action checkAlive)
    {
        var rows = new CompactRows(columns.FeatureCount, columns.LabelWidth, columns.Weight is not null);
        using var cursor = data.GetRowCursor(TrainingRowReader.ColumnsNeeded(columns));
        var reader = new TrainingRowReader(cursor, columns, task, isValidation);
        while (cursor.MoveNext())
        {
            if ((cursor.Position & 1023) == 0)
            {
                checkAlive();
            }

            rows.Add(reader);
            if (rows.Bytes > limitBytes)
            {
                return null;
            }
        }

        return new InMemoryExamples(rows, 0, rows.Count);
    }

    /// <summary>Keras's <c>validation_split</c>: the last <paramref name="fraction"/> of the rows validate, the rest train.</summary>
    public (InMemoryExamples Training, InMemoryExamples Validation) Split(float fraction)
    {
        var validationRows = (int)(_count * (double)fraction);
        return (new InMemoryExamples(_rows, _start, _count - validationRows), new InMemoryExamples(_rows, _start + _count - validationRows, validationRows));
    }

    public void SkipShuffle(Random shuffle) => shuffle.Shuffle(new int[_count]);

    public IEnumerable<MiniBatch> Batches(int batchSize, Random? shuffle)
    {
        var order = Enumerable.Range(_start, _count).ToArray();
        if (shuffle is not null)
        {
            shuffle.Shuffle(order);
        }

        using var batch = new MiniBatch(Math.Min(batchSize, _count), FeatureCount, TargetCount, _rows.HasWeights);
        // The row each slot of the batch's feature memory holds, so refilling a slot clears only what that row set.
        var heldRows = new int[batch.Capacity];
        Array.Fill(heldRows, -1);
        for (var first = 0; first < _count; first += batchSize)
        {
            batch.Count = Math.Min(batchSize, _count - first);
            Fill(batch, order.AsSpan(first, batch.Count), heldRows);
            yield return batch;
        }
    }

    private void Fill(MiniBatch batch, ReadOnlySpan<int> rows, int[] heldRows)
    {
        var features = batch.Features;
        var targets = batch.Targets;
        var weights = batch.Weights;
        for (var slot = 0; slot < rows.Length; slot++)
        {
            _rows.CopyRow(
                rows[slot],
                heldRows[slot],
                features.Slice(slot * FeatureCount, FeatureCount),
                targets.Slice(slot * TargetCount, TargetCount),
                weights.IsEmpty ? [] : weights.Slice(slot, 1));
            heldRows[slot] = rows[slot];
        }
    }
}
