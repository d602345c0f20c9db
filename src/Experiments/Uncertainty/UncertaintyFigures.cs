using System.Globalization;
using MlNetMlp.Experiments.Reporting;

namespace MlNetMlp.Experiments;

/// <summary>The uncertainty figures of one network on one data set: the plain MLP, Monte Carlo dropout and a deep ensemble, side by side.</summary>
/// <param name="Network">The network, e.g. "10,000 inputs → Dense(16, Relu), Dropout(0.5), Dense(16, Relu), Dropout(0.5) → Dense(1, Sigmoid)".</param>
/// <param name="Training">How it and every ensemble member were trained, e.g. "RMSprop, batch 512, 20 epochs, seed 1".</param>
/// <param name="MonteCarloSamples">Stochastic passes of Monte Carlo dropout.</param>
/// <param name="EnsembleMembers">Members of the deep ensemble.</param>
/// <param name="Methods">The three methods' metrics on the test data.</param>
public sealed record UncertaintyFigures(string Network, string Training, int MonteCarloSamples, int EnsembleMembers, IReadOnlyList<UncertaintyMethodResult> Methods)
{
    /// <summary>The figures of <paramref name="methods"/>, with the network (its layers and output as trained) and its training written out.</summary>
    internal static UncertaintyFigures Of(MlpOptions network, MlpModel trained, UncertaintyMethodsOptions study, IReadOnlyList<UncertaintyMethodResult> methods) => new(
        NetworkDescription.Of(trained.InputSize, network.Layers, $"Dense({trained.OutputSize}, {trained.OutputActivation})"),
        string.Create(CultureInfo.InvariantCulture, $"{network.Optimizer} (learning rate {network.LearningRate}), batch {network.BatchSize}, {network.Epochs} epochs, seed {network.Seed}"),
        study.MonteCarloSamples,
        study.EnsembleMembers,
        methods);
}
