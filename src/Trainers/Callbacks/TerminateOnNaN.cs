using System.Globalization;

namespace MlNetMlp.Callbacks;

/// <summary>
/// Ends training when the loss stops being a number, as Keras's <c>TerminateOnNaN</c>, except that <c>Fit</c> then fails
/// with the cause (a model that diverged is not a result): a training batch whose loss is NaN or infinite, or an epoch
/// whose validation loss is. Always the first callback of a run.
/// </summary>
public sealed class TerminateOnNaN : MlpCallback
{
    /// <inheritdoc />
    public override void OnBatchEnd(MlpTrainingContext context, MlpBatch batch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(batch);
        if (!double.IsFinite(batch.Loss))
        {
            throw new InvalidOperationException(
                $"The training loss became {Format(batch.Loss)} at epoch {batch.Epoch}, batch {batch.Batch}, so training stopped (as Keras's TerminateOnNaN). " +
                "The usual causes: features or regression targets far from unit scale (normalize them, e.g. NormalizePixels, NormalizeMinMax or NormalizeMeanVariance), " +
                $"or a learning rate too large for the optimizer (now {Format(context.LearningRate)}).");
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        if (epoch.ValidationLoss is { } value && !double.IsFinite(value))
        {
            throw new InvalidOperationException(
                $"The validation loss became {Format(value)} after epoch {epoch.Epoch} while the training loss was {Format(epoch.TrainingLoss)}: " +
                "the validation data's features or targets are likely far from the training data's scale; prepare both with the same fitted transforms.");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
