using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Transforms;

/// <summary>VectorizeSequences over the IMDb training reviews beside ML.NET's bag of words and Keras's dense matrix, in one process.</summary>
internal sealed class TransformsBenchmark(BenchContext context)
{
    /// <summary>Measures on the reviews of <paramref name="data"/> (the archive, or a quick run's sample file).</summary>
    public Outcome<TransformMeasurements> Run(string data)
    {
        Console.WriteLine($"Transforms on {data}:");
        return context.Measure<TransformMeasurements>("VectorizeSequences and its peers", Measurements.VectorizeSequences, [("data", data), ("passes", context.Sizes.Passes)]);
    }

    public static void Write(MarkdownDocument document, Outcome<TransformMeasurements> outcome)
    {
        if (outcome.Value is not { } measured)
        {
            document.Paragraph($"Not measured: {outcome.Problem}");
            return;
        }

        document.Paragraph($"{Figures.Count(measured.Rows)} reviews x {Figures.Count(measured.Dimension)} slots; every pass reads every row's vector once.");
        document.Table(
            ["implementation", "passes", "CPU s/pass (median)", "allocated MB/pass", "peak RSS MB", "non-zeros"],
            measured.Implementations.Select(m => (IReadOnlyList<string>)[
                m.Name, m.Passes.ToString(System.Globalization.CultureInfo.InvariantCulture), Figures.Seconds(m.CpuSecondsPerPass),
                m.AllocatedMbPerPass.ToString("N1", System.Globalization.CultureInfo.InvariantCulture), Figures.Megabytes(m.PeakRssMb), Figures.Count(m.NonZeros)]));
    }
}
