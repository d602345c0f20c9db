using MlNetMlp.Scoring.Layers;
using MlNetMlp.Trainers.Torch.Optimizers;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// A run's whole state between two epochs, what <c>BackupAndRestore</c> keeps: the epochs completed and their history,
/// every weight (batch normalization's statistics included), the optimizer's state and rate, and the network's
/// generator (dropout and noise). The order of the training rows is redrawn from the seed on resume.
/// </summary>
internal sealed record TrainingCheckpoint(int CompletedEpochs, IReadOnlyList<MlpEpoch> History, IReadOnlyList<LayerWeights> Weights, OptimizerState Optimizer, byte[] Generator);
