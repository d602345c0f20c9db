using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Trainers.Data;

namespace MlNetMlp.Tests.Trainers;

/// <summary>
/// The trainer's cache gives back every row exactly as it was read, whichever form it keeps the row in (dense, or
/// sparse when that is smaller) and whatever a reused batch slot held before.
/// </summary>
[TestClass]
public sealed class InMemoryExamplesTests
{
    private const int Width = 8;

    private sealed class Row
    {
        [VectorType(Width)]
        public VBuffer<float> Features { get; set; }

        public float Label { get; set; }
    }

    [TestMethod]
    public void Batches_MixedDenseAndSparseRows_EveryBatchHoldsTheRowsExactlyAsRead()
    {
        float[][] rows =
        [
            [1, 2, 3, 4, 5, 6, 7, 8],
            [0, 0, 0, 9, 0, 0, 0, 0],
            [0, -0f, 0, 0, 0.5f, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 0, 0],
            [3, 0, 3, 0, 3, 0, 3, 0],
            [0, 0, 0, 0, 0, 0, 0, -2],
            [7, 7, 7, 7, 7, 7, 7, 7],
        ];
        var sparse = new VBuffer<float>(Width, 2, [4, 6], [0, 7]);
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(rows
            .Select((values, i) => new Row { Features = new VBuffer<float>(Width, values), Label = i })
            .Append(new Row { Features = sparse, Label = rows.Length }));
        float[][] expected = [.. rows, [4, 0, 0, 0, 0, 0, 0, 6]];
        var options = new MlpOptions { Task = MlpTask.Regression };
        var columns = TrainingColumns.Bind(data.Schema, options);
        var examples = InMemoryExamples.TryLoad(data, columns, columns.DecideTask(options.Task), isValidation: false, long.MaxValue, () => { })!;

        var seen = new List<int>();
        var shuffle = new Random(3);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            foreach (var batch in examples.Batches(batchSize: 3, shuffle))
            {
                var features = batch.Features.ToArray();
                var targets = batch.Targets.ToArray();
                for (var slot = 0; slot < batch.Count; slot++)
                {
                    var row = (int)targets[slot];
                    seen.Add(row);
                    CollectionAssert.AreEqual(
                        expected[row].Select(BitConverter.SingleToInt32Bits).ToArray(),
                        features.AsSpan(slot * Width, Width).ToArray().Select(BitConverter.SingleToInt32Bits).ToArray(),
                        $"epoch {epoch}, row {row} in slot {slot}: [{string.Join(", ", features.AsSpan(slot * Width, Width).ToArray())}]");
                }
            }
        }

        CollectionAssert.AreEquivalent(Enumerable.Range(0, expected.Length).SelectMany(row => Enumerable.Repeat(row, 3)).ToArray(), seen);
    }
}
