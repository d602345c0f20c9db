namespace MlNetMlp;

/// <summary>
/// Stops training when the monitored quantity stops improving, as Keras's <c>EarlyStopping</c> callback.
/// Losses and mean absolute error improve downwards, accuracy upwards.
/// </summary>
public sealed class MlpEarlyStopping
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Epochs without improvement before stopping.</summary>
        public const int Patience = 3;

        /// <summary>The smallest change that counts as an improvement.</summary>
        public const float MinDelta = 0;
    }

    /// <summary>What to watch. Validation quantities need validation data (<see cref="MlpOptions.ValidationFraction"/> or <see cref="MlpOptions.ValidationData"/>).</summary>
    public MlpMonitor Monitor { get; init; } = MlpMonitor.ValidationLoss;

    /// <summary>Epochs without improvement before training stops; at least 0.</summary>
    public int Patience { get; init; } = Defaults.Patience;

    /// <summary>An improvement smaller than this does not count; at least 0.</summary>
    public float MinDelta { get; init; } = Defaults.MinDelta;

    /// <summary>When true, the model keeps the weights of the best epoch instead of the last.</summary>
    public bool RestoreBestWeights { get; init; }
}

/// <summary>A per-epoch quantity early stopping can watch.</summary>
public enum MlpMonitor
{
    /// <summary>The loss on the validation data (lower is better).</summary>
    ValidationLoss,

    /// <summary>The metric on the validation data: accuracy (higher is better) or mean absolute error for regression (lower is better).</summary>
    ValidationMetric,

    /// <summary>The training loss (lower is better).</summary>
    TrainingLoss,

    /// <summary>The training metric.</summary>
    TrainingMetric,
}
