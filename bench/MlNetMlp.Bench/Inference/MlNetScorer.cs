using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Inference;

/// <summary>Measures a trained ML.NET prediction transformer: <c>PredictionEngine</c> latency and batch <c>Transform</c> throughput.</summary>
internal static class MlNetScorer
{
    private const int WarmUpRows = 200;

    public static ScoringMeasurement Measure(MLContext mlContext, string name, ITransformer model, IDataView test, DigitFeatures[] rows, int singleRows, int passes, int threads)
    {
        var scored = model.Transform(test);
        var accuracy = mlContext.MulticlassClassification.Evaluate(scored).MicroAccuracy;
        var rates = new List<double>();
        for (var pass = 0; pass < passes + 1; pass++)
        {
            var clock = Stopwatch.StartNew();
            var count = ReadPredictions(scored);
            if (pass > 0)
            {
                rates.Add(count / clock.Elapsed.TotalSeconds);
            }
        }

        using var engine = mlContext.Model.CreatePredictionEngine<DigitFeatures, DigitPrediction>(model);
        var prediction = new DigitPrediction();
        var latencies = new List<double>();
        for (var i = 0; i < WarmUpRows + singleRows; i++)
        {
            var row = rows[i % rows.Length];
            var start = Stopwatch.GetTimestamp();
            engine.Predict(row, ref prediction);
            if (i >= WarmUpRows)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        var measurement = new ScoringMeasurement(name, threads, Percentile.Median(latencies), Percentile.Of(latencies, 0.99), Percentile.Median(rates), accuracy);
        Console.Error.WriteLine($"{name}: {measurement.SingleRowMedianMicroseconds:F1} µs per row, {measurement.BatchRowsPerSecond:N0} rows/s in batch, accuracy {accuracy:F4}");
        return measurement;
    }

    /// <summary>Reads every row's score and predicted label, which makes the transformer compute them.</summary>
    private static int ReadPredictions(IDataView scored)
    {
        var score = scored.Schema["Score"];
        var label = scored.Schema["PredictedLabel"];
        using var cursor = scored.GetRowCursor([score, label]);
        var scoreGetter = cursor.GetGetter<VBuffer<float>>(score);
        var labelGetter = cursor.GetGetter<uint>(label);
        var scores = default(VBuffer<float>);
        var predicted = 0u;
        var count = 0;
        while (cursor.MoveNext())
        {
            scoreGetter(ref scores);
            labelGetter(ref predicted);
            count++;
        }

        return count;
    }
}
