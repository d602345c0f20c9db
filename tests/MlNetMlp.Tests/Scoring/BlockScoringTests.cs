using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring;

/// <summary>
/// Batch <c>Transform</c> scores blocks of rows read ahead by a second cursor; every way of reaching a row's prediction
/// (a block, a shuffled cursor row by row, a <c>PredictionEngine</c>) gives the same bits, whatever the caller reads.
/// </summary>
[TestClass]
public sealed class BlockScoringTests
{
    private const int Rows = 700;

    [TestMethod]
    public void Transform_BlocksShuffledCursorAndPredictionEngine_GiveBitIdenticalScores()
    {
        var (mlContext, data, model) = Fit();
        var scored = model.Transform(data);

        var blocks = ScoresById(scored, rand: null).OrderBy(p => p.Id).Select(p => p.Score).ToList();
        var shuffled = ScoresById(scored, new Random(4));
        using var engine = mlContext.Model.CreatePredictionEngine<Blobs.Row, Prediction>(model);
        var rows = Blobs.Create(Rows / 3 + 1, seed: 5).Take(Rows).ToList();

        Assert.HasCount(Rows, blocks);
        for (var row = 0; row < Rows; row++)
        {
            var engineScore = engine.Predict(rows[row]).Score;
            CollectionAssert.AreEqual(Bits(engineScore), Bits(blocks[row]), $"row {row}: block and prediction engine");
        }

        foreach (var (id, score) in shuffled)
        {
            CollectionAssert.AreEqual(Bits(blocks[id]), Bits(score), $"row {id}: block and shuffled cursor");
        }
    }

    [TestMethod]
    public void Transform_CallerReadsEveryThirdRowAfterAFilter_ScoresEachRowItsOwn()
    {
        var (mlContext, data, model) = Fit();
        var filtered = mlContext.Data.FilterByCustomPredicate<Blobs.Row>(data, row => row.Features[3] < -0.5f);
        var expected = model.Transform(filtered).GetColumn<float[]>("Score").ToList();

        var actual = new List<(int Row, float[] Score)>();
        var scored = model.Transform(filtered);
        using (var cursor = scored.GetRowCursor(scored.Schema))
        {
            var score = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
            var value = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                if (cursor.Position % 3 == 2)
                {
                    score(ref value);
                    actual.Add(((int)cursor.Position, value.DenseValues().ToArray()));
                }
            }
        }

        Assert.IsGreaterThan(100, actual.Count);
        Assert.IsLessThan(Rows, expected.Count, "the filter removed some rows");
        foreach (var (row, score) in actual)
        {
            CollectionAssert.AreEqual(Bits(expected[row]), Bits(score), $"row {row}");
        }
    }

    [TestMethod]
    public void Transform_SourceThatGivesOtherRowsToASecondCursor_ThrowsInsteadOfScoringWrongRows()
    {
        var (mlContext, _, model) = Fit();
        var source = mlContext.Data.LoadFromEnumerable(Blobs.Create(20, seed: 6));
        var changing = new ChangingDataView(source, mlContext.Data.SkipRows(source, 1));
        var scored = model.Transform(changing);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => scored.GetColumn<float[]>("Score").ToList());

        StringAssert.Contains(error.Message, "Column 'Features', row 0: the input data gave a different row at this position to a second cursor");
    }

    [TestMethod]
    public void Transform_SteadyState_AllocatesNothingPerRow()
    {
        var (mlContext, _, model) = Fit();
        var data = mlContext.Data.Cache(mlContext.Data.LoadFromEnumerable(Blobs.Create(3000, seed: 7)));
        var scored = model.Transform(data);

        // A cursor's own buffers cost the same for any number of rows, so the difference between a long and a short
        // pass is what each further row costs. The least of a few passes leaves out the runtime's one-off work (JIT).
        var longPass = Enumerable.Range(0, 4).Min(_ => Allocated(mlContext.Data.TakeRows(scored, 9000), "Score"));
        var shortPass = Enumerable.Range(0, 4).Min(_ => Allocated(mlContext.Data.TakeRows(scored, 1000), "Score"));
        var perRow = (longPass - shortPass) / 8000.0;

        Console.WriteLine($"bytes allocated per further row scored: {perRow:F3} ({longPass:N0} bytes for 9,000 rows, {shortPass:N0} for 1,000)");

        // The smallest object is 24 bytes, so an allocation per row would show as 24 bytes a row or more. Handing a
        // block's shares to the thread pool costs the pool a few bytes now and then: under a byte a row on a quiet
        // machine, 1.6 measured on a machine loaded tenfold, where the pool adds threads. Half the smallest object
        // tells the two apart on any machine.
        Assert.IsLessThan(12.0, perRow, "allocation per row once a cursor's block buffers exist");
    }

    [TestMethod]
    public void PredictionEngine_SteadyState_AllocatesNothingPerPrediction()
    {
        var (mlContext, _, model) = Fit();
        using var engine = mlContext.Model.CreatePredictionEngine<Blobs.Row, Prediction>(model);
        var rows = Blobs.Create(200, seed: 8);
        var output = new Prediction();
        foreach (var row in rows)
        {
            engine.Predict(row, ref output);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var row in rows)
        {
            engine.Predict(row, ref output);
        }

        var perPrediction = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)rows.Count;
        Console.WriteLine($"bytes allocated per PredictionEngine.Predict: {perPrediction:F2}");
        Assert.AreEqual(0, perPrediction, "allocation per prediction");
    }

    private static (MLContext MlContext, IDataView Data, ITransformer Model) Fit()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Blobs.Create(Rows / 3 + 1, seed: 5).Take(Rows).ToList());
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class))
            .Append(mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(32), MlpLayer.Dropout(0.2f), MlpLayer.Dense(16, MlpActivation.Tanh)], Epochs = 3, Seed = 2 }));
        return (mlContext, data, pipeline.Fit(data));
    }

    private static List<(int Id, float[] Score)> ScoresById(IDataView scored, Random? rand)
    {
        using var cursor = scored.GetRowCursor(scored.Schema, rand);
        var score = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var id = cursor.GetIdGetter();
        var value = default(VBuffer<float>);
        var rowId = default(DataViewRowId);
        var result = new List<(int, float[])>();
        while (cursor.MoveNext())
        {
            score(ref value);
            id(ref rowId);
            result.Add(((int)rowId.Low, value.DenseValues().ToArray()));
        }

        return result;
    }

    /// <summary>Bytes this thread allocates to read <paramref name="column"/> of every row with a new cursor.</summary>
    private static long Allocated(IDataView data, string column)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var cursor = data.GetRowCursor([data.Schema[column]]);
        var getter = cursor.GetGetter<VBuffer<float>>(data.Schema[column]);
        var value = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref value);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }

    /// <summary>A data view whose second and later cursors see other rows than its first: it breaks ML.NET's contract.</summary>
    private sealed class ChangingDataView(IDataView first, IDataView later) : IDataView
    {
        private int _cursors;

        public bool CanShuffle => false;

        public DataViewSchema Schema => first.Schema;

        public long? GetRowCount() => null;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        {
            var view = _cursors++ == 0 ? first : later;
            return view.GetRowCursor(columnsNeeded.Select(c => view.Schema[c.Index]));
        }

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
            [GetRowCursor(columnsNeeded, rand)];
    }
}
