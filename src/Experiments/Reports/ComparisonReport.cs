namespace MlNetMlp.Experiments;

/// <summary>Everything a comparison report shows: the results per trainer and the context needed to read them.</summary>
public sealed record ComparisonReport
{
    /// <summary>The report's title, e.g. "MNIST: MLP against ML.NET trainers".</summary>
    public required string Title { get; init; }

    /// <summary>The task every result in the report ran.</summary>
    public required ComparisonTask Task { get; init; }

    /// <summary>The data used.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required MachineDescription Machine { get; init; }

    /// <summary>Component name to version, e.g. <c>Microsoft.ML</c> to <c>6.0.0</c>, as <see cref="ComponentVersions.Loaded"/> lists them.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>One result per trainer, in the order the report lists them.</summary>
    public required IReadOnlyList<TrainerResult> Results { get; init; }

    /// <summary>The command that produced the report, to repeat it, e.g. <c>mlnetmlp compare mnist --seed 1</c>; null when run from code.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The seed of the ML.NET context, the MLPs and any data subset; null when the caller did not say.</summary>
    public int? Seed { get; init; }

    /// <summary>When the comparison ran.</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
