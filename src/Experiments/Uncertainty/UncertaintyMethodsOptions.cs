namespace MlNetMlp.Experiments;

/// <summary>What <see cref="UncertaintyMethods"/> trains and how it samples.</summary>
public sealed class UncertaintyMethodsOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Stochastic passes of Monte Carlo dropout.</summary>
        public const int MonteCarloSamples = 50;

        /// <summary>Members of the deep ensemble.</summary>
        public const int EnsembleMembers = 5;
    }

    /// <summary>The network: the plain model and every ensemble member are trained with it; it needs a dropout layer for Monte Carlo dropout.</summary>
    public required MlpOptions Network { get; init; }

    /// <summary>Stochastic passes per row for Monte Carlo dropout, at least 2.</summary>
    public int MonteCarloSamples { get; init; } = Defaults.MonteCarloSamples;

    /// <summary>Members of the deep ensemble, at least 2.</summary>
    public int EnsembleMembers { get; init; } = Defaults.EnsembleMembers;

    /// <summary>Called with a line for each step (training, scoring), for progress output.</summary>
    public Action<string>? Progress { get; init; }
}
