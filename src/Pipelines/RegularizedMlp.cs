namespace MlNetMlp.Pipelines;

/// <summary>
/// The course's remedy for overfitting as a recipe for any of its networks: <c>Dropout(0.5)</c> after every hidden dense
/// layer, a validation split of the training rows, and early stopping on the validation loss that keeps the weights of
/// the best epoch, within a larger epoch budget that the early stopping cuts short. For example
/// <c>RegularizedMlp.Apply(MnistPipeline.CreateMlpOptions())</c> gives 784-512-Dropout(0.5)-10, up to 20 epochs.
/// </summary>
/// <remarks>
/// The settings are fixed in advance, not tuned to a data set: a dropout rate of 0.5 is the one the course puts after each
/// hidden layer of its IMDb network (and Srivastava et al.'s rate for hidden units); the patience is
/// <see cref="MlpEarlyStopping.Defaults.Patience"/>, the library's default; 20 epochs is the budget of the course's IMDb
/// experiments, five times the 4 epochs it settles on; 10% of the training rows is the smaller of the validation splits
/// Keras's examples use (0.1 and 0.2), so that the network gives up few rows to validation when it is compared with
/// trainers that use them all.
/// </remarks>
public static class RegularizedMlp
{
    /// <summary>The dropout rate put after every hidden dense layer.</summary>
    public const float DropoutRate = 0.5f;

    /// <summary>The epoch budget: training runs at most this many epochs (or the network's own number, if larger).</summary>
    public const int MaxEpochs = 20;

    /// <summary>The fraction of the training rows held out to watch the validation loss, when the network has no validation data yet.</summary>
    public const float ValidationFraction = 0.1f;

    /// <summary>
    /// Regularizes <paramref name="network"/> in place and returns it: dropout after each hidden dense layer (unless it already
    /// has dropout), early stopping on the validation loss with the best weights restored (unless it already stops early), at
    /// least <see cref="MaxEpochs"/> epochs, and a validation split of <see cref="ValidationFraction"/> (unless it already has
    /// validation data).
    /// </summary>
    /// <param name="network">The options of the network to regularize, e.g. <see cref="MnistPipeline.CreateMlpOptions"/>; changed in place.</param>
    /// <returns><paramref name="network"/>, for chaining.</returns>
    public static MlpOptions Apply(MlpOptions network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = network.GetHiddenLayers();
        if (!layers.Any(layer => layer is DropoutLayer))
        {
            network.HiddenLayers = null;
            network.Layers = [.. layers.SelectMany(layer => layer is DenseLayer ? [layer, MlpLayer.Dropout(DropoutRate)] : new[] { layer })];
        }

        network.EarlyStopping ??= new MlpEarlyStopping { Monitor = MlpMonitor.ValidationLoss, RestoreBestWeights = true };
        network.Epochs = Math.Max(network.Epochs, MaxEpochs);
        if (network.ValidationFraction == 0 && network.ValidationData is null)
        {
            network.ValidationFraction = ValidationFraction;
        }

        return network;
    }
}
