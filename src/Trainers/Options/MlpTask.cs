namespace MlNetMlp.Trainers;

/// <summary>What the network predicts; it fixes the output layer, the loss and the output columns.</summary>
public enum MlpTask
{
    /// <summary>
    /// Chosen from the label column at <c>Fit</c>: a key or a one-hot Single vector means multiclass, Boolean means
    /// binary, Single means regression, a Single vector of 0s and 1s with several 1s in a row means multilabel.
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
