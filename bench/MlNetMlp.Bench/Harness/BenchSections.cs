using MlNetMlp.Bench.Threads;
using MlNetMlp.Bench.Training;

namespace MlNetMlp.Bench.Harness;

/// <summary>What each benchmark of a run measured, in the order RESULTS.md shows them.</summary>
internal sealed record BenchSections(
    MnistTrainingResult MnistReal,
    MnistTrainingResult MnistLarge,
    ImdbTrainingResult Imdb,
    IReadOnlyList<(string Scorer, Outcome<ScoringMeasurement> Outcome)> Inference,
    ThreadsResult Threads,
    Outcome<TransformMeasurements> Transforms,
    Outcome<string> OnnxExport)
{
    /// <summary>The goals of issue 13, as ratios and amounts from this run; the memory goal is on the large training set.</summary>
    public IReadOnlyList<Goal> Goals() => [.. MnistReal.Goals(withMemoryGoal: false), .. MnistLarge.Goals(withMemoryGoal: true), .. Imdb.Goals()];

    /// <summary>Every figure by section, as the JSON holds them.</summary>
    public BenchResults Results(BenchMachine machine, BenchSizes sizes, string loadAtStart, string loadAtEnd, double othersCpuShare, IReadOnlyList<string> failures) => new(
        machine,
        sizes.Name,
        loadAtStart,
        loadAtEnd,
        othersCpuShare,
        [
            .. Training("mnist-real", MnistReal.Runs()),
            .. Training("mnist-large", MnistLarge.Runs()),
            .. Training("imdb", Imdb.Runs()),
            .. Threads.Training.SelectMany(row => Training(row.Condition.Section, row.Result.Runs())),
        ],
        [
            .. Scoring("inference", Inference),
            .. Threads.Scoring.SelectMany(row => Scoring(row.Condition.Section, row.Scorers)),
        ],
        Transforms.Value,
        OnnxExport.Value,
        Goals(),
        failures);

    private static IEnumerable<TrainingRun> Training(string section, IEnumerable<(string Peer, Outcome<TrainingMeasurement> Outcome)> runs) =>
        runs.Select(run => new TrainingRun(section, run.Peer, run.Outcome.Value, run.Outcome.Problem));

    private static IEnumerable<ScoringRun> Scoring(string section, IEnumerable<(string Scorer, Outcome<ScoringMeasurement> Outcome)> scorers) =>
        scorers.Select(s => new ScoringRun(section, s.Scorer, s.Outcome.Value, s.Outcome.Problem));
}
