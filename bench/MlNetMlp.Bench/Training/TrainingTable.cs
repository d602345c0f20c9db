using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Training;

/// <summary>Training runs side by side: seconds per epoch (median of epochs 2..N, and the spread), peak memory and quality.</summary>
internal static class TrainingTable
{
    public static void Write(MarkdownDocument document, IEnumerable<(string Peer, Outcome<TrainingMeasurement> Outcome)> runs, string qualityHeader, Func<TrainingMeasurement, double?> quality)
    {
        document.Table(
            ["peer", "threads", "s/epoch (median 2..N)", "spread (min-max)", "peak RSS MB", "prepare s", "final loss", qualityHeader],
            runs.Select(run => run.Outcome.Value is { } m
                ? Row(run.Peer, m, quality(m))
                : (IReadOnlyList<string>)[run.Peer, "-", $"not measured: {run.Outcome.Problem}", "-", "-", "-", "-", "-"]));
    }

    /// <summary>The median seconds per epoch over epochs 2..N, or null without a measurement.</summary>
    public static double? MedianEpoch(Outcome<TrainingMeasurement> outcome) =>
        outcome.Value is { } m ? new EpochTimes(m.EpochSeconds).Median : null;

    public static double? PeakRss(Outcome<TrainingMeasurement> outcome) => outcome.Value?.PeakRssMb;

    private static IReadOnlyList<string> Row(string peer, TrainingMeasurement m, double? quality)
    {
        var epochs = new EpochTimes(m.EpochSeconds);
        return
        [
            $"{peer} ({m.Version})",
            m.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Figures.Seconds(epochs.Median),
            $"{Figures.Seconds(epochs.Fastest)}-{Figures.Seconds(epochs.Slowest)}",
            Figures.Megabytes(m.PeakRssMb),
            Figures.Seconds(m.PrepareSeconds),
            Figures.Fraction(m.FinalLoss),
            Figures.Fraction(quality),
        ];
    }
}
