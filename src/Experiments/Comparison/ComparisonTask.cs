namespace MlNetMlp.Experiments;

/// <summary>The kind of problem a comparison runs, which decides the trainers and metrics.</summary>
public enum ComparisonTask
{
    /// <summary>One of K classes (MNIST digits): micro/macro accuracy and log-loss.</summary>
    Multiclass,

    /// <summary>Two classes (IMDb sentiment): accuracy, AUC, F1 and log-loss.</summary>
    Binary,
}
