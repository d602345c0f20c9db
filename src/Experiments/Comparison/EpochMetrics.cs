namespace MlNetMlp.Experiments;

/// <summary>One point of a learning curve: the metrics at the end of an epoch.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TrainLoss">The mean training loss over the epoch.</param>
/// <param name="ValidationLoss">The loss on the validation data, when there is validation data.</param>
/// <param name="TrainAccuracy">The training accuracy, when measured.</param>
/// <param name="ValidationAccuracy">The validation accuracy, when there is validation data.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double? ValidationLoss, double? TrainAccuracy, double? ValidationAccuracy);
