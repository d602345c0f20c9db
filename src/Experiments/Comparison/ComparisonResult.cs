using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments;

/// <summary>What a comparison measured: the results per trainer, on which task and data.</summary>
public sealed record ComparisonResult : IStudyResult
{
    /// <summary>The task every result ran.</summary>
    public required ComparisonTask Task { get; init; }

    /// <summary>The data used: training, validation (the MLPs' held-out rows) and test rows.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>One result per trainer, in the order the report lists them.</summary>
    public required IReadOnlyList<TrainerResult> Results { get; init; }
}
