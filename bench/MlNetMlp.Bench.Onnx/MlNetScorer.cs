using System.Diagnostics;
using Microsoft.ML;

namespace MlNetMlp.Bench;

/// <summary>Times an ML.NET transformer: <c>PredictionEngine</c> one row at a time, and a batch <c>Transform</c> read to the end.</summary>
internal static class MlNetScorer
{
    /// <summary>
    /// How long rows are scored before any is timed. The .NET runtime compiles a method quickly first and optimizes it
    /// once it has been called often, in the background: 200 warm-up rows measured the MNIST chain at 98 µs a row, a
    /// second of them at 15 µs.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static (List<double> Latencies, List<double> Rates) Measure<TInput, TOutput>(
        MLContext mlContext, ITransformer model, TInput[] rows, IDataView batch, string[] outputColumns, int singleRows, int passes)
        where TInput : class
        where TOutput : class, new()
    {
        using var engine = mlContext.Model.CreatePredictionEngine<TInput, TOutput>(model);
        var prediction = new TOutput();
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < WarmUp; i++)
        {
            engine.Predict(rows[i % rows.Length], ref prediction);
        }

        var latencies = new List<double>();
        for (var i = 0; i < singleRows; i++)
        {
            var start = Stopwatch.GetTimestamp();
            engine.Predict(rows[i % rows.Length], ref prediction);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var scored = model.Transform(batch);
        var columns = outputColumns.Select(name => scored.Schema[name]).ToArray();
        var rates = new List<double>();
        for (var pass = 0; pass <= passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            var count = ReadAll(scored, columns);
            if (pass > 0)
            {
                rates.Add(count / clock.Elapsed.TotalSeconds);
            }
        }

        return (latencies, rates);
    }

    /// <summary>Reads every value of <paramref name="columns"/>, which makes the transformer compute them.</summary>
    private static long ReadAll(IDataView scored, DataViewSchema.Column[] columns)
    {
        using var cursor = scored.GetRowCursor(columns);
        var readers = columns.Select(column => Reader(cursor, column)).ToArray();
        long count = 0;
        while (cursor.MoveNext())
        {
            foreach (var read in readers)
            {
                read();
            }

            count++;
        }

        return count;
    }

    private static Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var raw = column.Type.RawType;
        if (raw == typeof(float))
        {
            var getter = cursor.GetGetter<float>(column);
            var value = 0f;
            return () => getter(ref value);
        }

        if (raw == typeof(uint))
        {
            var getter = cursor.GetGetter<uint>(column);
            var value = 0u;
            return () => getter(ref value);
        }

        if (raw == typeof(bool))
        {
            var getter = cursor.GetGetter<bool>(column);
            var value = false;
            return () => getter(ref value);
        }

        var vectorGetter = cursor.GetGetter<Microsoft.ML.Data.VBuffer<float>>(column);
        var vector = default(Microsoft.ML.Data.VBuffer<float>);
        return () => vectorGetter(ref vector);
    }
}
