namespace MlNetMlp.Experiments;

/// <summary>Everything the uncertainty report shows: the three methods' figures on one data set, and the context to repeat the run.</summary>
public sealed record UncertaintyReport
{
    /// <summary>The report's title.</summary>
    public required string Title { get; init; }

    /// <summary>The network, its training and the three methods' metrics.</summary>
    public required UncertaintyFigures Figures { get; init; }

    /// <summary>The command that produced the report, when it came from the command line.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The data used.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required MachineDescription Machine { get; init; }

    /// <summary>Component name to version, as <see cref="ComponentVersions.Loaded"/> lists them.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>Wall-clock seconds of the whole run: preparing the data, training, sampling and scoring.</summary>
    public required double StudySeconds { get; init; }

    /// <summary>When it ran.</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
