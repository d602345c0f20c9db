using MlNetMlp.Scoring.Tasks;
using TorchSharp;

namespace MlNetMlp.Trainers.Torch;

/// <summary>The optimization settings of one training run, resolved from the options.</summary>
internal sealed record TrainingSettings(
    int Epochs,
    int BatchSize,
    bool Shuffle,
    int Seed,
    MlpOptimizer Optimizer,
    double LearningRate,
    double Momentum,
    TrainingMetric Metric,
    MlpEarlyStopping? EarlyStopping,
    torch.Device Device);
