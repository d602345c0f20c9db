using System.Globalization;

namespace MlNetMlp;

/// <summary>
/// The figures of one training epoch, as Keras's <c>History</c> keeps them. The metric is accuracy for
/// classification and mean absolute error for regression (<see cref="MetricName"/>).
/// </summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="TrainingLoss">Mean training loss over the epoch's batches (weighted by batch size), penalty included, as Keras reports <c>loss</c>.</param>
/// <param name="TrainingMetric">The metric on the training batches as they were seen during the epoch.</param>
/// <param name="PenaltyLoss">The part of <see cref="TrainingLoss"/> that comes from L1/L2 kernel penalties.</param>
/// <param name="ValidationLoss">Loss on the validation data after the epoch (penalty included, as Keras's <c>val_loss</c>); null without validation data.</param>
/// <param name="ValidationPenaltyLoss">
/// The part of <see cref="ValidationLoss"/> that comes from L1/L2 kernel penalties: the penalty of the weights at the
/// epoch's end (0 without penalties); null without validation data, or when read from a model saved before it was kept.
/// </param>
/// <param name="ValidationMetric">The metric on the validation data after the epoch; null without validation data.</param>
/// <param name="MetricName">"accuracy" or "mae".</param>
/// <param name="WallTime">Time the epoch took, validation included.</param>
public sealed record MlpEpoch(
    int Epoch,
    double TrainingLoss,
    double TrainingMetric,
    double PenaltyLoss,
    double? ValidationLoss,
    double? ValidationPenaltyLoss,
    double? ValidationMetric,
    string MetricName,
    TimeSpan WallTime)
{
    /// <summary>
    /// The validation loss of the data alone, <see cref="ValidationLoss"/> minus <see cref="ValidationPenaltyLoss"/>: the
    /// loss to compare networks with different penalties by. Null when either is unknown.
    /// </summary>
    public double? ValidationLossWithoutPenalty => ValidationLoss - ValidationPenaltyLoss;

    /// <summary>One line in Keras's style: <c>Epoch 3: loss 0.1234 - accuracy 0.9650 - val_loss ... (1.2 s)</c>.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Epoch {Epoch}: loss {TrainingLoss:F4} - {MetricName} {TrainingMetric:F4}");
        if (ValidationLoss is { } validationLoss)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" - val_loss {validationLoss:F4} - val_{MetricName} {ValidationMetric:F4}");
        }

        return text + string.Create(CultureInfo.InvariantCulture, $" ({WallTime.TotalSeconds:F1} s)");
    }
}
