using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments;

/// <summary>How <see cref="UncertaintyStudy"/> trains and samples.</summary>
public sealed class UncertaintyStudyOptions
{
    /// <summary>Epochs of the network and of every ensemble member; null for the data set's (<c>UncertaintyNetworks.MnistEpochs</c>, <c>UncertaintyNetworks.ImdbEpochs</c>).</summary>
    public int? Epochs { get; init; }

    /// <summary>Stochastic passes of Monte Carlo dropout, at least 2.</summary>
    public int MonteCarloSamples { get; init; } = UncertaintyMethodsOptions.Defaults.MonteCarloSamples;

    /// <summary>Members of the deep ensemble, at least 2.</summary>
    public int EnsembleMembers { get; init; } = UncertaintyMethodsOptions.Defaults.EnsembleMembers;

    /// <summary>Seed of the network, of the dropout masks and of the first ensemble member (member k gets seed + k).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks every rule; throws naming the option at fault.</summary>
    internal void Validate()
    {
        if (Epochs is { } epochs)
        {
            OptionCheck.AtLeast(epochs, 1, nameof(Epochs));
        }

        OptionCheck.AtLeast(MonteCarloSamples, 2, nameof(MonteCarloSamples), "one pass has no spread");
        OptionCheck.AtLeast(EnsembleMembers, 2, nameof(EnsembleMembers), "one network is no ensemble");
    }
}
