namespace MlNetMlp.Experiments;

/// <summary>How <see cref="UncertaintyExperiment"/> trains and samples.</summary>
public sealed class UncertaintyExperimentOptions
{
    /// <summary>Epochs of the network and of every ensemble member; null for the recipe's (<c>UncertaintyNetworks.MnistEpochs</c>, <c>UncertaintyNetworks.ImdbEpochs</c>).</summary>
    public int? Epochs { get; init; }

    /// <summary>Stochastic passes of Monte Carlo dropout, at least 2.</summary>
    public int MonteCarloSamples { get; init; } = UncertaintyStudyOptions.Defaults.MonteCarloSamples;

    /// <summary>Members of the deep ensemble, at least 2.</summary>
    public int EnsembleMembers { get; init; } = UncertaintyStudyOptions.Defaults.EnsembleMembers;

    /// <summary>Seed of the network, of the dropout masks and of the first ensemble member (member k gets seed + k).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Where the data came from, as the report states it.</summary>
    public string DataSource { get; init; } = "given to UncertaintyExperiment.Run";

    /// <summary>Called with a line for each step.</summary>
    public Action<string>? Progress { get; init; }
}
