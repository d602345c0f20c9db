namespace MlNetMlp.Pipelines;

/// <summary>The learning task a comparison runs, which decides the metrics that apply.</summary>
public enum ComparisonTask
{
    /// <summary>Two classes: accuracy, log-loss, AUC and F1 apply.</summary>
    BinaryClassification,

    /// <summary>Several classes: micro and macro accuracy, log-loss and a confusion matrix apply.</summary>
    MulticlassClassification,
}
