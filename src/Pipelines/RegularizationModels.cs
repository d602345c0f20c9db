using System.Globalization;

namespace MlNetMlp.Pipelines;

/// <summary>
/// The recipe of the course's regularization study: each <see cref="RegularizationModel"/> as MLP options over the
/// features of <see cref="ImdbPipeline.Preparation"/> (a 10,000-wide multi-hot of the review's words), all trained
/// the same way: RMSprop (lr 1e-3), batch 512, 20 epochs, the same seed.
/// </summary>
public static class RegularizationModels
{
    /// <summary>Epochs of the book's curves.</summary>
    public const int DefaultEpochs = 20;

    /// <summary>The L1 and L2 factors, as the book's <c>regularizers.l2(0.001)</c>.</summary>
    public const float PenaltyFactor = 0.001f;

    /// <summary>The dropout rate after each hidden layer.</summary>
    public const float DropoutRate = 0.5f;

    /// <summary>Epochs without a lower validation loss before the early-stopping model stops.</summary>
    public const int EarlyStoppingPatience = 3;

    /// <summary>Examples per mini-batch.</summary>
    public const int BatchSize = 512;

    /// <summary>The book's five networks, in its order: original, smaller, bigger, L2, dropout.</summary>
    public static IReadOnlyList<RegularizationModel> Book { get; } =
        [RegularizationModel.Original, RegularizationModel.Smaller, RegularizationModel.Bigger, RegularizationModel.L2, RegularizationModel.Dropout];

    /// <summary>The options of one network of the study.</summary>
    /// <param name="model">Which network.</param>
    /// <param name="epochs">Passes over the training data (the early-stopping model may stop sooner).</param>
    /// <param name="seed">Seed of the weights, the shuffling and the dropout masks; the study gives every model the same.</param>
    /// <returns>Fresh options reading <see cref="ImdbPipeline.FeaturesColumnName"/> and <see cref="ImdbPipeline.LabelColumnName"/>; set <c>ValidationData</c> to get the curves.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="model"/> is not a defined model, or <paramref name="epochs"/> is below 1.</exception>
    public static MlpOptions CreateMlpOptions(RegularizationModel model, int epochs = DefaultEpochs, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        return new MlpOptions
        {
            LabelColumnName = ImdbPipeline.LabelColumnName,
            FeatureColumnName = ImdbPipeline.FeaturesColumnName,
            Layers = [.. Layers(model)],
            Optimizer = MlpOptimizer.RmsProp,
            BatchSize = BatchSize,
            Epochs = epochs,
            Seed = seed,
            EarlyStopping = model == RegularizationModel.EarlyStopping
                ? new MlpEarlyStopping { Monitor = MlpMonitor.ValidationLoss, Patience = EarlyStoppingPatience, RestoreBestWeights = true }
                : null,
        };
    }

    /// <summary>How the report names a network, e.g. "16-16-1 + L2(0.001)".</summary>
    /// <param name="model">Which network.</param>
    /// <returns>Its layer sizes and regularization.</returns>
    public static string Describe(RegularizationModel model) => model switch
    {
        RegularizationModel.Original => "16-16-1 (original)",
        RegularizationModel.Smaller => "4-4-1 (smaller)",
        RegularizationModel.Bigger => "512-512-1 (bigger)",
        RegularizationModel.L2 => $"16-16-1 + L2({Factor})",
        RegularizationModel.Dropout => $"16-16-1 + Dropout({DropoutRate.ToString(CultureInfo.InvariantCulture)})",
        RegularizationModel.L1 => $"16-16-1 + L1({Factor})",
        RegularizationModel.L1L2 => $"16-16-1 + L1({Factor}) + L2({Factor})",
        RegularizationModel.EarlyStopping => $"16-16-1 + early stopping (patience {EarlyStoppingPatience})",
        _ => throw Undefined(model),
    };

    private static string Factor => PenaltyFactor.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<MlpLayer> Layers(RegularizationModel model) => model switch
    {
        RegularizationModel.Original or RegularizationModel.EarlyStopping => Dense(16, 0, 0),
        RegularizationModel.Smaller => Dense(4, 0, 0),
        RegularizationModel.Bigger => Dense(512, 0, 0),
        RegularizationModel.L2 => Dense(16, 0, PenaltyFactor),
        RegularizationModel.L1 => Dense(16, PenaltyFactor, 0),
        RegularizationModel.L1L2 => Dense(16, PenaltyFactor, PenaltyFactor),
        RegularizationModel.Dropout =>
        [
            MlpLayer.Dense(16, MlpActivation.Relu), MlpLayer.Dropout(DropoutRate),
            MlpLayer.Dense(16, MlpActivation.Relu), MlpLayer.Dropout(DropoutRate),
        ],
        _ => throw Undefined(model),
    };

    private static MlpLayer[] Dense(int units, float l1, float l2) =>
        [MlpLayer.Dense(units, MlpActivation.Relu, l1, l2), MlpLayer.Dense(units, MlpActivation.Relu, l1, l2)];

    private static ArgumentOutOfRangeException Undefined(RegularizationModel model) =>
        new(nameof(model), $"Expected one of {string.Join(", ", Enum.GetNames<RegularizationModel>())}. Received: {(int)model}");
}
