using System.Globalization;

namespace MlNetMlp.Bench;

/// <summary>One scorer's figures: single-row latency (median and 99th percentile, µs), batch rows/s, and how many rows it scored.</summary>
internal sealed record ScoringFigures(string Scorer, double MedianMicroseconds, double P99Microseconds, double RowsPerSecond)
{
    public static ScoringFigures From(string scorer, List<double> latencies, List<double> rates)
    {
        latencies.Sort();
        rates.Sort();
        return new(scorer, Percentile(latencies, 0.5), Percentile(latencies, 0.99), Percentile(rates, 0.5));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scorer,-52} | {MedianMicroseconds,10:F1} | {P99Microseconds,8:F1} | {RowsPerSecond,12:N0} |");

    public const string Header =
        "| scorer                                               | median µs  | p99 µs   | batch rows/s |\n" +
        "|------------------------------------------------------|-----------:|---------:|-------------:|";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * sorted.Count))];
}
