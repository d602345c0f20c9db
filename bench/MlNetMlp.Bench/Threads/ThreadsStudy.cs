using System.Globalization;
using MlNetMlp.Bench.Data;
using MlNetMlp.Bench.Harness;
using MlNetMlp.Bench.Inference;
using MlNetMlp.Bench.Training;

namespace MlNetMlp.Bench.Threads;

/// <summary>
/// What torch's thread count does on this machine: MNIST training ((a), (b), (c)) and scoring (the MlpTransformer, the
/// TorchSharp forward pass, PyTorch) at 1, 2, 4, ... threads up to the machine's cores, each on the machine as it is
/// (idle, for figures worth quoting) and again with one core kept busy (<see cref="BusyCore"/>).
/// </summary>
internal sealed class ThreadsStudy(BenchContext context)
{
    public ThreadsResult Run(MnistFiles train, MnistFiles test)
    {
        var conditions = Conditions(Environment.ProcessorCount, context.Sizes.EveryThreadCondition);
        var training = conditions.Select(condition => (condition, Measure(condition, () => new MnistTraining(context).Run(condition.ToString(), train, test, condition.Threads, withScikitLearn: false)))).ToList();
        var scoring = conditions.Select(condition => (condition, Measure(condition, () => new InferenceBenchmark(context).Run(train, test, condition.Threads, withBaselines: false)))).ToList();
        return new ThreadsResult(training, scoring);
    }

    /// <summary>
    /// Every thread count on the machine as it is and with one core busy; or, for a quick run, one thread as it is and
    /// all <paramref name="cores"/> with one busy.
    /// </summary>
    public static IReadOnlyList<ThreadCondition> Conditions(int cores, bool everyCondition) => everyCondition
        ? [.. Counts(cores).SelectMany(threads => new[] { new ThreadCondition(threads, false), new ThreadCondition(threads, true) })]
        : [new ThreadCondition(1, false), new ThreadCondition(cores, true)];

    /// <summary>1, 2, 4, ... below <paramref name="cores"/>, and <paramref name="cores"/> itself.</summary>
    private static IReadOnlyList<int> Counts(int cores)
    {
        var counts = new List<int>();
        for (var count = 1; count < cores; count *= 2)
        {
            counts.Add(count);
        }

        counts.Add(cores);
        return counts;
    }

    private static T Measure<T>(ThreadCondition condition, Func<T> measure)
    {
        using var busy = condition.OneCoreBusy ? new BusyCore() : null;
        return measure();
    }
}

/// <summary>A thread count, on the machine as it is or with one core kept busy.</summary>
internal sealed record ThreadCondition(int Threads, bool OneCoreBusy)
{
    /// <summary>The section name in the results, e.g. "threads-2-busy".</summary>
    public string Section => $"threads-{Threads.ToString(CultureInfo.InvariantCulture)}{(OneCoreBusy ? "-busy" : "")}";

    public override string ToString() => $"{Threads.ToString(CultureInfo.InvariantCulture)} thread(s){(OneCoreBusy ? ", one core kept busy" : "")}";
}

/// <summary>The figures of the thread study.</summary>
internal sealed record ThreadsResult(
    IReadOnlyList<(ThreadCondition Condition, MnistTrainingResult Result)> Training,
    IReadOnlyList<(ThreadCondition Condition, IReadOnlyList<(string Scorer, Outcome<ScoringMeasurement> Outcome)> Scorers)> Scoring)
{
    public void Write(MarkdownDocument document)
    {
        document.Paragraph("Training, seconds per epoch (median of epochs 2..N, spread in brackets):");
        var peers = new[] { MnistTraining.MlNetMlp, MnistTraining.TorchSharp, MnistTraining.PyTorch };
        document.Table(
            ["threads", .. peers],
            Training.Select(row => (IReadOnlyList<string>)[
                row.Condition.ToString(),
                .. row.Result.Runs().Select(run => run.Outcome.Value is { } m ? Describe(new EpochTimes(m.EpochSeconds)) : "-")]));
        var scorers = Scoring.SelectMany(row => row.Scorers.Select(s => s.Scorer)).Distinct().ToList();
        document.Paragraph("Scoring, single-row median µs / batch rows per second:");
        document.Table(
            ["threads", .. scorers],
            Scoring.Select(row => (IReadOnlyList<string>)[
                row.Condition.ToString(),
                .. scorers.Select(name => row.Scorers.FirstOrDefault(s => s.Scorer == name).Outcome?.Value is { } s
                    ? $"{Figures.Microseconds(s.SingleRowMedianMicroseconds)} / {Figures.Rate(s.BatchRowsPerSecond)}"
                    : "-")]));
    }

    private static string Describe(EpochTimes epochs) =>
        $"{Figures.Seconds(epochs.Median)} ({Figures.Seconds(epochs.Fastest)}-{Figures.Seconds(epochs.Slowest)})";
}
