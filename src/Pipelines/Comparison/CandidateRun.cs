using Microsoft.ML;

namespace MlNetMlp.Pipelines.Comparison;

/// <summary>What one candidate measured on the test data.</summary>
/// <param name="Name">The candidate's name.</param>
/// <param name="Status">"ok", or "failed: ..." with the reason when the trainer could not run here.</param>
/// <param name="Accuracy">Multiclass micro accuracy, or binary accuracy.</param>
/// <param name="MacroAccuracy">Multiclass macro accuracy (mean per-class accuracy); null for binary.</param>
/// <param name="LogLoss">Log-loss; null where the trainer gives no probabilities.</param>
/// <param name="Auc">Binary area under the ROC curve; null for multiclass.</param>
/// <param name="F1">Binary F1 score; null for multiclass.</param>
/// <param name="TrainingSeconds">Wall time of Fit on the training data.</param>
/// <param name="PredictionRowsPerSecond">Rows per second through the whole fitted chain, from raw test data to predictions.</param>
/// <param name="ModelBytes">Size of the whole chain saved as an ML.NET .zip.</param>
/// <param name="ConfusionMatrix">Multiclass counts, [actual][predicted]; null for binary or failures.</param>
/// <param name="Model">The fitted candidate (trainer part only), for extras such as the MLP's history; null on failure.</param>
public sealed record CandidateRun(
    string Name,
    string Status,
    double? Accuracy,
    double? MacroAccuracy,
    double? LogLoss,
    double? Auc,
    double? F1,
    double? TrainingSeconds,
    double? PredictionRowsPerSecond,
    long? ModelBytes,
    IReadOnlyList<IReadOnlyList<double>>? ConfusionMatrix,
    ITransformer? Model)
{
    /// <summary>A candidate that could not run, with the reason.</summary>
    public static CandidateRun Failed(string name, string reason) =>
        new(name, $"failed: {reason}", null, null, null, null, null, null, null, null, null, null);
}
