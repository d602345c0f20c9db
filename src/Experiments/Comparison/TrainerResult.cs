using Microsoft.ML.Data;

namespace MlNetMlp.Experiments;

/// <summary>
/// What one trainer achieved in a comparison, in plain numbers: the report writer's input. Metrics that do
/// not apply to the task, or were not measured, are null.
/// </summary>
public sealed record TrainerResult
{
    /// <summary>ln 2: ML.NET's binary log-loss is in bits (base 2); times this it is in nats, as torch's and Keras's losses.</summary>
    public static readonly double NatsPerBit = Math.Log(2);

    /// <summary>The trainer's name as the report shows it, e.g. <c>SdcaMaximumEntropy</c> or <c>Mlp 512-10</c>.</summary>
    public required string Trainer { get; init; }

    /// <summary>The task the trainer ran.</summary>
    public required ComparisonTask Task { get; init; }

    /// <summary>The trainer's settings as the report states them (network, optimizer, epochs, stopping rule; or the baseline's options).</summary>
    public string Settings { get; init; } = "";

    /// <summary>True for this library's MLPs, the comparison's subject; false for the trainers they are measured against.</summary>
    public bool IsMlp { get; init; }

    /// <summary>Whether the trainer ran.</summary>
    public TrainerStatus Status { get; init; } = TrainerStatus.Completed;

    /// <summary>Why it was skipped or how it failed; null when completed.</summary>
    public string? StatusReason { get; init; }

    /// <summary>The fraction of test rows classified correctly (for binary, the accuracy).</summary>
    public double? MicroAccuracy { get; init; }

    /// <summary>The mean over classes of each class's accuracy (for binary, the mean of the two recalls).</summary>
    public double? MacroAccuracy { get; init; }

    /// <summary>
    /// The mean log-loss on the test rows in nats (natural logarithm), the unit of the MLP's training loss: ML.NET's multiclass
    /// log-loss as it reports it, its binary log-loss (which it reports in bits) times ln 2.
    /// </summary>
    public double? LogLoss { get; init; }

    /// <summary>The area under the ROC curve (binary only).</summary>
    public double? Auc { get; init; }

    /// <summary>The F1 score of the positive class (binary only).</summary>
    public double? F1Score { get; init; }

    /// <summary>Wall-clock seconds spent in <c>Fit</c>.</summary>
    public double? TrainingSeconds { get; init; }

    /// <summary>Test rows scored per second by the fitted model.</summary>
    public double? PredictionRowsPerSecond { get; init; }

    /// <summary>The size of the saved model <c>.zip</c> in bytes.</summary>
    public long? ModelBytes { get; init; }

    /// <summary>Per-epoch training and validation metrics (the MLP's learning curve); empty for other trainers.</summary>
    public IReadOnlyList<EpochMetrics> LearningCurve { get; init; } = [];

    /// <summary>The test-set confusion matrix (multiclass), when recorded.</summary>
    public ConfusionMatrixResult? ConfusionMatrix { get; init; }

    /// <summary>The status as the report prints it: <c>completed</c>, <c>skipped: reason</c> or <c>failed: reason</c>.</summary>
    public string StatusText => Status switch
    {
        TrainerStatus.Completed => "completed",
        _ when StatusReason is { Length: > 0 } reason => $"{Status.ToString().ToLowerInvariant()}: {reason}",
        _ => Status.ToString().ToLowerInvariant(),
    };

    /// <summary>A result for a trainer that was not run.</summary>
    /// <param name="trainer">The trainer's name.</param>
    /// <param name="task">The task it would have run.</param>
    /// <param name="reason">Why it was skipped, e.g. "pretrained weights unavailable offline".</param>
    /// <returns>A skipped result with no metrics.</returns>
    public static TrainerResult Skipped(string trainer, ComparisonTask task, string reason) =>
        new() { Trainer = trainer, Task = task, Status = TrainerStatus.Skipped, StatusReason = reason };

    /// <summary>A completed multiclass result with the metrics of ML.NET's <c>MulticlassClassification.Evaluate</c>.</summary>
    /// <param name="trainer">The trainer's name.</param>
    /// <param name="metrics">The test-set metrics.</param>
    /// <param name="classNames">The class names in key order, to keep the confusion matrix; null to leave it out.</param>
    /// <returns>A result with micro and macro accuracy, log-loss and optionally the confusion matrix; add timings with <c>with</c>.</returns>
    public static TrainerResult FromMetrics(string trainer, MulticlassClassificationMetrics metrics, IReadOnlyList<string>? classNames = null) => new()
    {
        Trainer = trainer,
        Task = ComparisonTask.Multiclass,
        MicroAccuracy = metrics.MicroAccuracy,
        MacroAccuracy = metrics.MacroAccuracy,
        LogLoss = metrics.LogLoss,
        ConfusionMatrix = classNames is null ? null : ConfusionMatrixResult.From(metrics.ConfusionMatrix, classNames),
    };

    /// <summary>A completed binary result with the metrics of ML.NET's <c>BinaryClassification.Evaluate</c> or <c>EvaluateNonCalibrated</c>.</summary>
    /// <param name="trainer">The trainer's name.</param>
    /// <param name="metrics">The test-set metrics; log-loss is filled in only when they are calibrated, converted from ML.NET's bits to nats.</param>
    /// <returns>
    /// A result with accuracy, macro-accuracy (the mean of the positive and negative recalls), AUC, F1 and,
    /// for calibrated metrics, log-loss; add timings with <c>with</c>.
    /// </returns>
    public static TrainerResult FromMetrics(string trainer, BinaryClassificationMetrics metrics) => new()
    {
        Trainer = trainer,
        Task = ComparisonTask.Binary,
        MicroAccuracy = metrics.Accuracy,
        MacroAccuracy = (metrics.PositiveRecall + metrics.NegativeRecall) / 2,
        LogLoss = (metrics as CalibratedBinaryClassificationMetrics)?.LogLoss * NatsPerBit,
        Auc = metrics.AreaUnderRocCurve,
        F1Score = metrics.F1Score,
    };
}
