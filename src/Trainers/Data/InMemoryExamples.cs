using Microsoft.ML;
using MlNetMlp.Tasks;
using MlNetMlp.Torch;

namespace MlNetMlp.Trainers;

/// <summary>
/// Training examples read once from the data view into compact arrays: dense rows as their values, sparse rows
/// as indices and values (so a 10,000-word multi-hot costs its non-zeros, not its width). Every epoch shuffles
/// row indices and densifies one mini-batch at a time into a reused contiguous buffer. A view over a row range
/// serves the Keras-style validation split without copying.
/// </summary>
internal sealed class InMemoryExamples : IMiniBatchSource
{
    private readonly Storage _storage;
    private readonly int _start;
    private readonly int _count;

    private InMemoryExamples(Storage storage, int start, int count)
    {
        _storage = storage;
        _start = start;
        _count = count;
    }

    public int FeatureCount => _storage.FeatureCount;

    public int TargetCount => _storage.TargetCount;

    public int RowCount => _count;

    /// <summary>
    /// Reads <paramref name="data"/>; returns null as soon as the cache would pass <paramref name="limitBytes"/>, in
    /// which case the caller streams instead.
    /// </summary>
    public static InMemoryExamples? TryLoad(IDataView data, TrainingColumns columns, TaskDefinition task, bool isValidation, long limitBytes, Action checkAlive)
    {
        var storage = new Storage(columns.FeatureCount, columns.LabelWidth, columns.Weight is not null);
        using var cursor = data.GetRowCursor(TrainingRowReader.ColumnsNeeded(columns));
        var reader = new TrainingRowReader(cursor, columns, task, isValidation);
        var target = new float[columns.LabelWidth];
        while (cursor.MoveNext())
        {
            if ((cursor.Position & 1023) == 0)
            {
                checkAlive();
            }

            storage.Add(reader.ReadFeatures(), target, reader);
            if (storage.Bytes > limitBytes)
            {
                return null;
            }
        }

        storage.Seal();
        return new InMemoryExamples(storage, 0, storage.RowCount);
    }

    /// <summary>Keras's <c>validation_split</c>: the last <paramref name="fraction"/> of the rows validate, the rest train.</summary>
    public (InMemoryExamples Training, InMemoryExamples Validation) Split(float fraction)
    {
        var validationRows = (int)(_count * (double)fraction);
        return (new InMemoryExamples(_storage, _start, _count - validationRows), new InMemoryExamples(_storage, _start + _count - validationRows, validationRows));
    }

    public IEnumerable<MiniBatch> Batches(int batchSize, Random? shuffle)
    {
        var order = Enumerable.Range(_start, _count).ToArray();
        if (shuffle is not null)
        {
            shuffle.Shuffle(order);
        }

        var full = new MiniBatch(Math.Min(batchSize, _count), FeatureCount, TargetCount, _storage.HasWeights);
        for (var first = 0; first < _count; first += batchSize)
        {
            var rows = Math.Min(batchSize, _count - first);
            var batch = rows == full.Count ? full : new MiniBatch(rows, FeatureCount, TargetCount, _storage.HasWeights);
            for (var i = 0; i < rows; i++)
            {
                _storage.CopyRow(order[first + i], batch, i);
            }

            yield return batch;
        }
    }

    private sealed class Storage(int featureCount, int targetCount, bool hasWeights)
    {
        private readonly List<float> _values = [];
        private readonly List<int> _indices = [];
        private readonly List<long> _valueStarts = [];
        private readonly List<int> _indexStarts = [];
        private readonly List<float> _targets = [];
        private readonly List<float> _weights = [];
        private float[] _valueArray = [];
        private int[] _indexArray = [];

        public int FeatureCount => featureCount;

        public int TargetCount => targetCount;

        public bool HasWeights => hasWeights;

        public int RowCount => _valueStarts.Count;

        public float[] Targets { get; private set; } = [];

        public long Bytes => 4L * (_values.Count + _indices.Count + _targets.Count + _weights.Count + _indexStarts.Count) + 8L * _valueStarts.Count;

        public void Add(in Microsoft.ML.Data.VBuffer<float> features, float[] target, TrainingRowReader reader)
        {
            _valueStarts.Add(_values.Count);
            if (features.IsDense)
            {
                _indexStarts.Add(-1);
                _values.AddRange(features.GetValues());
            }
            else
            {
                _indexStarts.Add(_indices.Count);
                _values.AddRange(features.GetValues());
                _indices.AddRange(features.GetIndices());
            }

            reader.ReadTargets(target);
            _targets.AddRange(target);
            if (hasWeights)
            {
                _weights.Add(reader.ReadWeight());
            }
        }

        public void Seal()
        {
            _valueArray = [.. _values];
            _indexArray = [.. _indices];
            Targets = [.. _targets];
            // The growable lists' capacity would otherwise keep a second copy alive for the whole training run.
            _values.Clear();
            _indices.Clear();
            _targets.Clear();
            _values.TrimExcess();
            _indices.TrimExcess();
            _targets.TrimExcess();
        }

        public void CopyRow(int row, MiniBatch batch, int slot)
        {
            var destination = batch.Features.AsSpan(slot * featureCount, featureCount);
            var start = (int)_valueStarts[row];
            var end = row + 1 < RowCount ? (int)_valueStarts[row + 1] : _valueArray.Length;
            if (_indexStarts[row] < 0)
            {
                _valueArray.AsSpan(start, end - start).CopyTo(destination);
            }
            else
            {
                destination.Clear();
                var indices = _indexArray.AsSpan(_indexStarts[row], end - start);
                for (var i = 0; i < indices.Length; i++)
                {
                    destination[indices[i]] = _valueArray[start + i];
                }
            }

            Targets.AsSpan(row * targetCount, targetCount).CopyTo(batch.Targets.AsSpan(slot * targetCount, targetCount));
            if (batch.Weights is { } weights)
            {
                weights[slot] = _weights[row];
            }
        }
    }
}
