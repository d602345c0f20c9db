namespace MlNetMlp.Scoring.Tasks;

/// <summary>The per-epoch metric Keras would report for a task; training computes it, the history records its name.</summary>
internal enum TrainingMetric
{
    /// <summary>Share of rows whose largest output is the target's largest entry (multiclass).</summary>
    Accuracy,

    /// <summary>Share of outputs on the right side of 0.5 (binary and multilabel).</summary>
    BinaryAccuracy,

    /// <summary>Mean absolute error (regression).</summary>
    MeanAbsoluteError,
}
