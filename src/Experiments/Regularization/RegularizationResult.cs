using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments;

/// <summary>What the regularization study measured: each network's curves and figures, and the book's conclusions checked.</summary>
public sealed record RegularizationResult : IStudyResult
{
    /// <summary>How the networks were trained and validated.</summary>
    public required RegularizationProtocol Protocol { get; init; }

    /// <summary>The data used: training, validation and test rows.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>One result per network, in the order trained.</summary>
    public required IReadOnlyList<RegularizationModelResult> Results { get; init; }

    /// <summary>The book's conclusions, checked on its numbers and on ours.</summary>
    public required IReadOnlyList<RegularizationConclusion> Conclusions { get; init; }

    /// <summary>The dropout network's predictive uncertainty on the test reviews; null when not measured.</summary>
    public UncertaintyFigures? Uncertainty { get; init; }
}
