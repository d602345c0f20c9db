using Microsoft.ML;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Trainers.Torch;

namespace MlNetMlp.Trainers.Data;

/// <summary>
/// Training examples read from the data view every epoch, for data larger than the in-memory cache limit. Memory
/// stays at one mini-batch, which rows are read straight into; the cost is a full read of the source per epoch.
/// Shuffling uses the source's own shuffling cursor where it has one (<see cref="IDataView.CanShuffle"/>); otherwise
/// rows come in source order.
/// </summary>
internal sealed class StreamingExamples(IDataView data, TrainingColumns columns, TaskDefinition task, bool isValidation, Action checkAlive) : IMiniBatchSource
{
    public int FeatureCount => columns.FeatureCount;

    public int TargetCount => columns.LabelWidth;

    public void SkipShuffle(Random shuffle)
    {
        if (data.CanShuffle)
        {
            shuffle.Next();
        }
    }

    public IEnumerable<MiniBatch> Batches(int batchSize, Random? shuffle)
    {
        var random = shuffle is not null && data.CanShuffle ? new Random(shuffle.Next()) : null;
        using var cursor = data.GetRowCursor(TrainingRowReader.ColumnsNeeded(columns), random);
        var reader = new TrainingRowReader(cursor, columns, task, isValidation);
        using var batch = new MiniBatch(batchSize, FeatureCount, TargetCount, columns.Weight is not null);
        var rows = 0;
        while (cursor.MoveNext())
        {
            checkAlive();
            Fill(reader, batch, rows++);
            if (rows == batchSize)
            {
                yield return batch;
                rows = 0;
            }
        }

        if (rows > 0)
        {
            batch.Count = rows;
            yield return batch;
        }
    }

    private void Fill(TrainingRowReader reader, MiniBatch batch, int slot)
    {
        reader.ReadFeatures(batch.Features.Slice(slot * FeatureCount, FeatureCount));
        reader.ReadTargets(batch.Targets.Slice(slot * TargetCount, TargetCount));
        if (batch.HasWeights)
        {
            batch.Weights[slot] = reader.ReadWeight();
        }
    }
}
