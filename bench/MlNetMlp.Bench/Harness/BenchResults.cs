namespace MlNetMlp.Bench.Harness;

/// <summary>Every figure of a run, as the optional JSON file holds them (RESULTS.md prints the same).</summary>
internal sealed record BenchResults(
    BenchMachine Machine,
    string Sizes,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    double OtherProcessesCpuShare,
    IReadOnlyList<TrainingRun> Training,
    IReadOnlyList<ScoringRun> Scoring,
    TransformMeasurements? Transforms,
    string? OnnxExportTables,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<string> Failures);

/// <summary>One peer's training in one section ("mnist-real", "mnist-large", "imdb", "threads-N").</summary>
internal sealed record TrainingRun(string Section, string Peer, TrainingMeasurement? Measurement, string? Problem);

/// <summary>One scorer in one section ("inference", "threads-N").</summary>
internal sealed record ScoringRun(string Section, string Scorer, ScoringMeasurement? Measurement, string? Problem);
