using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MlNetMlp.Bench.Harness;
using MlNetMlp.Datasets;

namespace MlNetMlp.Bench.Transforms;

/// <summary>
/// WordIndex + VectorizeSequences over the IMDb training reviews. Each multi-hot pass is measured in CPU seconds, managed
/// allocation and peak resident memory beside two peers over the same sequences in the same process: the dense
/// float[rows x 10,000] that Keras's vectorize_sequences builds (numpy.zeros + results[i, seq] = 1), and ML.NET's own
/// bag of words (MapValueToKey + ProduceNgrams of length 1).
/// </summary>
internal static class VectorizeSequencesRun
{
    private const int Dimension = 10_000;

    public static TransformMeasurements Measure(BenchArguments arguments)
    {
        var passes = arguments.Integer("passes");
        var mlContext = new MLContext(seed: 1);
        // Read once into memory so the timed passes measure the transforms, not the archive's decompression.
        var reviews = mlContext.Data.CreateEnumerable<ReviewText>(ImdbDataset.Load(arguments.Text("data"), DataSplit.Train), reuseRowObject: false).ToList();
        var texts = mlContext.Data.LoadFromEnumerable(reviews);
        var wordIndex = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: Dimension).Fit(texts);
        var sequences = wordIndex.Transform(texts).GetColumn<VBuffer<int>>("Sequence").Select(s => new Sequence { Indices = s.DenseValues().ToArray() }).ToList();
        var sequenceData = mlContext.Data.LoadFromEnumerable(sequences);
        var vectorized = mlContext.Transforms.VectorizeSequences("Features", "Indices", dimension: Dimension).Fit(sequenceData).Transform(sequenceData);
        var mlNetBag = mlContext.Transforms.Conversion.MapValueToKey("Keys", "Indices", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(mlContext.Transforms.Text.ProduceNgrams("Features", "Keys", ngramLength: 1, useAllLengths: false, maximumNgramsCount: Dimension))
            .Fit(sequenceData).Transform(sequenceData);
        return new TransformMeasurements(sequences.Count, Dimension,
        [
            Measure("MlNetMlp VectorizeSequences (sparse VBuffer)", passes, () => CountSparseNonZeros(vectorized)),
            Measure("ML.NET MapValueToKey + ProduceNgrams", passes, () => CountSparseNonZeros(mlNetBag)),
            Measure("dense float[rows x 10,000] (Keras's vectorize_sequences)", passes, () => CountDenseNonZeros(sequences)),
        ]);
    }

    private static TransformMeasurement Measure(string name, int passes, Func<long> pass)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (!ProcessMemory.ResetPeak())
        {
            throw new InvalidOperationException("This OS does not let a process reset its peak resident set (/proc/self/clear_refs), so phases cannot be told apart.");
        }

        var seconds = new List<double>();
        long nonZeros = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < passes; i++)
        {
            var cpu = ProcessMemory.CpuSeconds();
            nonZeros = pass();
            seconds.Add(ProcessMemory.CpuSeconds() - cpu);
        }

        var allocatedPerPass = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / passes / (1024.0 * 1024.0);
        var measurement = new TransformMeasurement(name, passes, Percentile.Median(seconds), allocatedPerPass, ProcessMemory.PeakResidentMb(), nonZeros);
        Console.Error.WriteLine($"{name}: {measurement.CpuSecondsPerPass:F3} s CPU per pass, {allocatedPerPass:N1} MiB allocated per pass, peak {measurement.PeakRssMb:N0} MiB");
        return measurement;
    }

    private static long CountSparseNonZeros(IDataView vectorized)
    {
        var column = vectorized.Schema["Features"];
        using var cursor = vectorized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var features = default(VBuffer<float>);
        long nonZeros = 0;
        while (cursor.MoveNext())
        {
            getter(ref features);
            nonZeros += features.GetValues().Length;
        }

        return nonZeros;
    }

    private static long CountDenseNonZeros(List<Sequence> sequences)
    {
        var dense = new float[sequences.Count * Dimension];
        for (var row = 0; row < sequences.Count; row++)
        {
            foreach (var index in sequences[row].Indices)
            {
                dense[(row * Dimension) + index] = 1f;
            }
        }

        long nonZeros = 0;
        foreach (var value in dense)
        {
            nonZeros += value != 0 ? 1 : 0;
        }

        return nonZeros;
    }

    /// <summary>One review's text.</summary>
    private sealed class ReviewText
    {
        public string Text { get; set; } = "";
    }

    /// <summary>One review's word indices.</summary>
    private sealed class Sequence
    {
        public int[] Indices { get; set; } = [];
    }
}
