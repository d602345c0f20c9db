using System.Globalization;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>
/// The MLP as a comparison candidate: trained on the prepared training rows like every other candidate, its learning curve
/// read from its per-epoch history. Whatever it validates on (for curves and early stopping) comes out of its training rows
/// (<see cref="MlpOptions.ValidationFraction"/>); the test rows are scored once, after training, by the comparison.
/// </summary>
public static class MlpCandidate
{
    /// <summary>
    /// The share of its training rows an MLP in a comparison holds out for its learning curves when nothing else is said: the
    /// regularized recipe's split, so that both MLPs train and validate on the same rows.
    /// </summary>
    public const float DefaultValidationFraction = RegularizedMlp.ValidationFraction;

    /// <summary>A candidate that trains the MLP on the prepared data with fresh options each run.</summary>
    /// <param name="name">How the report names it.</param>
    /// <param name="createOptions">Fresh MLP options for each run; their validation split gives the learning curve's validation figures.</param>
    /// <param name="progress">Receives each epoch's figures as training goes.</param>
    /// <returns>The candidate.</returns>
    public static Candidate Create(string name, Func<MlpOptions> createOptions, Action<MlpEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(createOptions);
        return new(
            name,
            CandidateInput.Prepared,
            setup =>
            {
                var options = createOptions();
                options.Progress = progress ?? options.Progress;
                return setup.MlContext.Mlp(options);
            },
            model => ((MlpTransformer)model).Model.History
                .Select(epoch => new EpochMetrics(epoch.Epoch, epoch.TrainingLoss, epoch.ValidationLoss, epoch.TrainingMetric, epoch.ValidationMetric))
                .ToList(),
            Settings: Describe(createOptions()),
            IsMlp: true);
    }

    /// <summary>
    /// The network and its training as a report states them, e.g. "Dense(512, Relu) then the output layer; RmsProp, learning
    /// rate 0.001, batch 128, 5 epochs; validation on the last 10% of the training rows; no early stopping; seed 1".
    /// </summary>
    /// <param name="options">The options the MLP is trained with.</param>
    /// <returns>One line.</returns>
    public static string Describe(MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = options.ValidationData is not null
            ? "validation on separate data"
            : options.ValidationFraction > 0
                ? $"validation on the last {Percent(options.ValidationFraction)} of the training rows"
                : "no validation";
        var stopping = options.EarlyStopping is { } rule
            ? $"early stopping on {rule.Monitor} after {rule.Patience} epochs without improvement{(rule.RestoreBestWeights ? ", best epoch's weights restored" : "")}"
            : "no early stopping";
        var epochs = options.EarlyStopping is null ? $"{options.Epochs} epochs" : $"at most {options.Epochs} epochs";
        var rate = options.LearningRate.ToString(CultureInfo.InvariantCulture);
        return $"{string.Join(", ", options.GetHiddenLayers())} then the output layer; {options.Optimizer}, learning rate {rate}, batch {options.BatchSize}, "
            + $"{epochs}; {validation}; {stopping}; seed {options.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
    }

    private static string Percent(float fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// The two MLPs of a comparison: the network as given (the course's recipe unless the caller shaped it), then the same
    /// network made harder to overfit by <see cref="RegularizedMlp.Apply"/>.
    /// </summary>
    /// <param name="inputs">The width of the prepared features, for the name (784 for MNIST).</param>
    /// <param name="outputs">The output units, for the name (10 for MNIST, 1 for IMDb).</param>
    /// <param name="network">Fresh options of the network for each run.</param>
    /// <param name="progress">Receives each epoch's figures with the candidate's name as training goes.</param>
    /// <returns>The network, then its regularized form, named e.g. <c>Mlp 784-512-10</c> and <c>Mlp 784-512-10 regularized</c>.</returns>
    public static IReadOnlyList<Candidate> NetworkAndRegularized(int inputs, int outputs, Func<MlpOptions> network, Action<string, MlpEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var units = network().GetHiddenLayers().OfType<DenseLayer>().Select(layer => layer.Units);
        var name = $"Mlp {string.Join('-', [inputs, .. units, outputs])}";
        var regularized = $"{name} regularized";
        return
        [
            Create(name, network, progress is null ? null : epoch => progress(name, epoch)),
            Create(regularized, () => RegularizedMlp.Apply(network()), progress is null ? null : epoch => progress(regularized, epoch)),
        ];
    }
}
