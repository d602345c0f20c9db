using System.Globalization;
using MlNetMlp.Bench.Data;
using MlNetMlp.Bench.Harness;
using MlNetMlp.Bench.Inference;
using MlNetMlp.Bench.Training;

namespace MlNetMlp.Bench.Threads;

/// <summary>
/// What torch's thread count does on this machine: MNIST training ((a), (b), (c)) and scoring (the MlpTransformer, the
/// TorchSharp forward pass, PyTorch) at 1, 2, 4, ... threads up to the machine's cores.
/// </summary>
internal sealed class ThreadsStudy(BenchContext context)
{
    public ThreadsResult Run(MnistFiles train, MnistFiles test)
    {
        var counts = Counts(Environment.ProcessorCount);
        var training = counts.Select(t => (t, new MnistTraining(context).Run($"{t} thread(s)", train, test, t, withScikitLearn: false))).ToList();
        var scoring = counts.Select(t => (t, new InferenceBenchmark(context).Run(train, test, t, withBaselines: false))).ToList();
        return new ThreadsResult(training, scoring);
    }

    /// <summary>1, 2, 4, ... below <paramref name="cores"/>, and <paramref name="cores"/> itself.</summary>
    public static IReadOnlyList<int> Counts(int cores)
    {
        var counts = new List<int>();
        for (var count = 1; count < cores; count *= 2)
        {
            counts.Add(count);
        }

        counts.Add(cores);
        return counts;
    }
}

/// <summary>The figures of the thread study.</summary>
internal sealed record ThreadsResult(
    IReadOnlyList<(int Threads, MnistTrainingResult Result)> Training,
    IReadOnlyList<(int Threads, IReadOnlyList<(string Scorer, Outcome<ScoringMeasurement> Outcome)> Scorers)> Scoring)
{
    public void Write(MarkdownDocument document)
    {
        document.Paragraph("Training, seconds per epoch (median of epochs 2..N, spread in brackets):");
        var peers = new[] { MnistTraining.MlNetMlp, MnistTraining.TorchSharp, MnistTraining.PyTorch };
        document.Table(
            ["threads", .. peers],
            Training.Select(row => (IReadOnlyList<string>)[
                row.Threads.ToString(CultureInfo.InvariantCulture),
                .. row.Result.Runs().Select(run => run.Outcome.Value is { } m ? Describe(new EpochTimes(m.EpochSeconds)) : "-")]));
        var scorers = Scoring.SelectMany(row => row.Scorers.Select(s => s.Scorer)).Distinct().ToList();
        document.Paragraph("Scoring, single-row median µs / batch rows per second:");
        document.Table(
            ["threads", .. scorers],
            Scoring.Select(row => (IReadOnlyList<string>)[
                row.Threads.ToString(CultureInfo.InvariantCulture),
                .. scorers.Select(name => row.Scorers.FirstOrDefault(s => s.Scorer == name).Outcome?.Value is { } s
                    ? $"{Figures.Microseconds(s.SingleRowMedianMicroseconds)} / {Figures.Rate(s.BatchRowsPerSecond)}"
                    : "-")]));
    }

    private static string Describe(EpochTimes epochs) =>
        $"{Figures.Seconds(epochs.Median)} ({Figures.Seconds(epochs.Fastest)}-{Figures.Seconds(epochs.Slowest)})";
}
