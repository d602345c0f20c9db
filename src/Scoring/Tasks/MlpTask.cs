namespace MlNetMlp;

/// <summary>What the network predicts; it fixes the output layer, the loss and the output columns.</summary>
public enum MlpTask
{
    /// <summary>
    /// Chosen from the label column's type, the same at <c>GetOutputSchema</c> and <c>Fit</c>: a key or a vector of
    /// Single (one-hot rows) means multiclass, Boolean means binary, Single or Double means regression. A multi-hot
    /// vector label needs <see cref="MultilabelClassification"/> set explicitly, vector targets
    /// <see cref="Regression"/>; training checks every row against the task and never changes it.
    /// </summary>
    Auto,

    /// <summary>One class out of K: softmax output, categorical cross-entropy, columns <c>Score</c> (K probabilities) and <c>PredictedLabel</c> (key).</summary>
    MulticlassClassification,

    /// <summary>Yes or no: sigmoid output, binary cross-entropy, columns <c>Score</c> (logit), <c>Probability</c> and <c>PredictedLabel</c> (Boolean).</summary>
    BinaryClassification,

    /// <summary>Any subset of K labels: K sigmoid outputs, binary cross-entropy, columns <c>Score</c> (K probabilities) and <c>PredictedLabel</c> (K Booleans).</summary>
    MultilabelClassification,

    /// <summary>One or more real values: linear output, mean squared error, column <c>Score</c> (a Single, or a vector for several targets).</summary>
    Regression,
}
