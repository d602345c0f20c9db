using Microsoft.ML;
using Microsoft.ML.Runtime;
using MlNetMlp.Scoring.Prediction;

namespace MlNetMlp;

/// <summary>
/// Trains a deep ensemble (Lakshminarayanan et al., 2017): the same MLP several times from different seeds (the seed
/// of member k is the first seed plus k), combined by averaging their probabilities. It fits into a pipeline like the
/// MLP itself: the same prediction columns, plus their standard deviation across members.
/// </summary>
public sealed class MlpEnsembleTrainer : IEstimator<MlpEnsembleTransformer>
{
    /// <summary>Members trained when the catalog is not told otherwise.</summary>
    public const int DefaultMembers = 5;

    private readonly IHost _host;
    private readonly MlpOptions _options;
    private readonly int _members;

    internal MlpEnsembleTrainer(IHostEnvironment environment, MlpOptions options, int members)
    {
        MlNetVersionGuard.EnsureSupported();
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        if (members < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(members), $"Expected an ensemble of at least 2 members. Received: members={members}");
        }

        if (options.MonteCarloSamples is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(MlpOptions.MonteCarloSamples),
                $"Expected no Monte Carlo dropout in an ensemble's options: the ensemble measures its uncertainty across its members. Received: monteCarloSamples={options.MonteCarloSamples}");
        }

        options.Validate();
        if (options.Callbacks.FirstOrDefault(callback => callback.WritesTo is not null) is { } writer)
        {
            throw new ArgumentOutOfRangeException(nameof(MlpOptions.Callbacks),
                $"Expected no callback that writes files in an ensemble's options: every member would write {writer.WritesTo} over the one before. Received: {writer}. " +
                "Train the members one by one with MlpTrainer to checkpoint, log or back up each.");
        }

        _host = environment.Register(nameof(MlpEnsembleTrainer));
        _options = options;
        _members = members;
    }

    /// <summary>Trains every member on <paramref name="input"/>, one after the other.</summary>
    /// <param name="input">Training data with the feature and label columns the options name.</param>
    /// <returns>The ensemble as a prediction transformer.</returns>
    public MlpEnsembleTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var firstSeed = _options.Seed ?? _host.Rand.Next();
        var members = new List<MlpTransformer>();
        using var channel = _host.Start("Training an MLP ensemble");
        for (var member = 0; member < _members; member++)
        {
            channel.Info($"Ensemble member {member + 1} of {_members}, seed {firstSeed + member}.");
            members.Add(new MlpTrainer(_host, _options.WithSeed(firstSeed + member)).Fit(input));
        }

        var first = members[0];
        return new MlpEnsembleTransformer(members.Select(m => m.Model).ToList(), first.Layout, first.FeatureColumnName, first.LabelColumnName);
    }

    /// <summary>The schema after the ensemble: the MLP's prediction columns plus their standard deviation across members.</summary>
    /// <param name="inputSchema">The shape of the training data.</param>
    /// <returns>The input shape plus the prediction columns.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        new MlpTrainer(_host, _options).OutputSchema(inputSchema, UncertaintyColumns.Spread);
}
