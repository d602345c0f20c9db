using MlNetMlp.Experiments.Regularization;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>
/// One network of the regularization study: its per-epoch history and its final figures. Validation losses come
/// two ways: with the L1/L2 penalty, as Keras's <c>val_loss</c> and the book report them, and without it, the loss
/// of the data alone, which is how networks with different penalties compare fairly. "Best" and "final" use the
/// latter; for networks without a penalty the two are the same.
/// </summary>
public sealed record RegularizationModelResult
{
    /// <summary>Which network.</summary>
    public required RegularizationModel Model { get; init; }

    /// <summary>How the report names it, e.g. "16-16-1 + L2(0.001)".</summary>
    public required string Name { get; init; }

    /// <summary>Trainable parameters (kernels and biases).</summary>
    public required long Parameters { get; init; }

    /// <summary>Every epoch trained, as Keras's <c>History</c>: losses, penalties and accuracies on the training and validation data.</summary>
    public required IReadOnlyList<MlpEpoch> History { get; init; }

    /// <summary>Wall-clock seconds of training, the per-epoch validation included.</summary>
    public required double TrainingSeconds { get; init; }

    /// <summary>Accuracy of the trained network on the test reviews, scored once after training.</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>The epoch whose weights the trained network keeps: the last, or the best one when early stopping restored it.</summary>
    public required int KeptEpoch { get; init; }

    /// <summary>The epoch with the lowest validation loss without penalty (the first of equals): where the network starts to overfit.</summary>
    public int BestEpoch => ValidationCurve.BestEpoch([.. History.Select(e => e.ValidationLossWithoutPenalty ?? double.NaN)]);

    /// <summary>The lowest validation loss without penalty.</summary>
    public double BestValidationLoss => ValidationLossWithoutPenalty(BestEpoch);

    /// <summary>The validation loss without penalty after the last epoch trained.</summary>
    public double FinalValidationLoss => ValidationLossWithoutPenalty(History[^1].Epoch);

    /// <summary>The validation loss with penalty (Keras's <c>val_loss</c>) after the last epoch trained.</summary>
    public double FinalValidationLossWithPenalty => History[^1].ValidationLoss ?? double.NaN;

    /// <summary>The validation accuracy after the last epoch trained.</summary>
    public double FinalValidationAccuracy => History[^1].ValidationMetric ?? double.NaN;

    /// <summary>The validation loss without penalty after <paramref name="epoch"/>.</summary>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <returns>The loss, or NaN for an epoch not trained.</returns>
    public double ValidationLossWithoutPenalty(int epoch) =>
        History.FirstOrDefault(e => e.Epoch == epoch)?.ValidationLossWithoutPenalty ?? double.NaN;
}
