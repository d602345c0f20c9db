namespace MlNetMlp.Experiments;

/// <summary>
/// What every study's report records so that a run can be read and repeated: the data, the machine, the versions of
/// everything that took part, the seed and the command line, when it ran and how long the study took. Recorded once, by
/// the study runner, for every study alike.
/// </summary>
public sealed record StudyContext
{
    /// <summary>The report's title.</summary>
    public required string Title { get; init; }

    /// <summary>The data used: where from, and the rows of each part.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required MachineDescription Machine { get; init; }

    /// <summary>Component name to version, e.g. <c>Microsoft.ML</c> to <c>6.0.0</c>, as <see cref="ComponentVersions.Loaded"/> lists them after the run.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>The command that produced the report, to repeat it; null when run from code.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The seed of the ML.NET context, the networks and any data subset; null when the caller did not say.</summary>
    public int? Seed { get; init; }

    /// <summary>Wall-clock seconds of the study's run: preparing the data, training, scoring.</summary>
    public double StudySeconds { get; init; }

    /// <summary>When the study ran.</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
