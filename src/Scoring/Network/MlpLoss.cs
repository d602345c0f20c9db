namespace MlNetMlp;

/// <summary>Loss functions, as Keras names them. Each is averaged over the examples of a batch (weighted when an example weight column is given).</summary>
public enum MlpLoss
{
    /// <summary>Chosen from the task: categorical cross-entropy for multiclass, binary cross-entropy for binary and multilabel, mean squared error for regression.</summary>
    Auto,

    /// <summary>-Σ_k y_k·log(p_k) against a one-hot (or soft) target; computed from the logits when the output is softmax.</summary>
    CategoricalCrossEntropy,

    /// <summary>-(y·log p + (1 - y)·log(1 - p)) averaged over outputs; computed from the logits when the output is sigmoid.</summary>
    BinaryCrossEntropy,

    /// <summary>(y - p)² averaged over outputs.</summary>
    MeanSquaredError,

    /// <summary>|y - p| averaged over outputs.</summary>
    MeanAbsoluteError,
}
