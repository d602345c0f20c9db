namespace MlNetMlp.Experiments;

/// <summary>Everything the regularization study's report shows: each network's curves and figures, the book's conclusions checked, and the context to repeat the run.</summary>
public sealed record RegularizationReport
{
    /// <summary>The report's title.</summary>
    public required string Title { get; init; }

    /// <summary>How the networks were trained and validated.</summary>
    public required RegularizationProtocol Protocol { get; init; }

    /// <summary>The command that produced the report, when it came from the command line.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The data used: training, validation and test rows.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required MachineDescription Machine { get; init; }

    /// <summary>Component name to version, as <see cref="ComponentVersions.Loaded"/> lists them.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>One result per network, in the order trained.</summary>
    public required IReadOnlyList<RegularizationModelResult> Results { get; init; }

    /// <summary>The book's conclusions, checked on its numbers and on ours.</summary>
    public required IReadOnlyList<RegularizationConclusion> Conclusions { get; init; }

    /// <summary>The dropout network's predictive uncertainty on the test reviews; null when not measured.</summary>
    public UncertaintyFigures? Uncertainty { get; init; }

    /// <summary>Wall-clock seconds of the whole study: preparing the data, training and testing every network.</summary>
    public required double StudySeconds { get; init; }

    /// <summary>When the study ran.</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
