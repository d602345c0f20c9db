using MlNetMlp.Schedules;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Trainers.Torch.Optimizers;
using TorchSharp;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// The settings of one training run, resolved from the options: epochs, batches and their order, the optimizer, the
/// learning-rate schedule (null for the optimizer's constant rate, which callbacks may change), the metric, label
/// smoothing, the weight of each class (null for none) and the device.
/// </summary>
internal sealed record TrainingSettings(
    int Epochs,
    int BatchSize,
    bool Shuffle,
    int Seed,
    OptimizerSettings Optimizer,
    MlpLearningRateSchedule? Schedule,
    TrainingMetric Metric,
    float LabelSmoothing,
    float[]? ClassWeights,
    torch.Device Device);
