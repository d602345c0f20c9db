using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments;

/// <summary>What the uncertainty study measured: the three methods' figures on one data set.</summary>
public sealed record UncertaintyResult : IStudyResult
{
    /// <summary>The network, its training and the three methods' metrics.</summary>
    public required UncertaintyFigures Figures { get; init; }

    /// <summary>The data used.</summary>
    public required DataDescription Data { get; init; }
}
