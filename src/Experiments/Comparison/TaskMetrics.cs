using Microsoft.ML;

namespace MlNetMlp.Experiments;

/// <summary>A task's metrics on predictions, through ML.NET's evaluator for that task: what <c>train</c> and <c>evaluate</c> print.</summary>
public static class TaskMetrics
{
    /// <summary>The task's headline figure: accuracy for classification (micro-accuracy for multiclass).</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="task">The task the predictions are of.</param>
    /// <param name="predictions">Scored rows with the label column.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <returns>The headline's name and value.</returns>
    public static (string Name, double Value) Headline(MLContext mlContext, ComparisonTask task, IDataView predictions, string labelColumnName = "Label") => task switch
    {
        ComparisonTask.Multiclass => ("accuracy", mlContext.MulticlassClassification.Evaluate(predictions, labelColumnName).MicroAccuracy),
        _ => ("accuracy", mlContext.BinaryClassification.Evaluate(predictions, labelColumnName).Accuracy),
    };

    /// <summary>Every figure of the task's evaluator a report or a console table shows, in order.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="task">The task the predictions are of.</param>
    /// <param name="predictions">Scored rows with the label column.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <returns>Metric name to value; log-losses as ML.NET reports them (binary in bits).</returns>
    public static IReadOnlyList<(string Metric, double Value)> All(MLContext mlContext, ComparisonTask task, IDataView predictions, string labelColumnName = "Label")
    {
        if (task == ComparisonTask.Multiclass)
        {
            var metrics = mlContext.MulticlassClassification.Evaluate(predictions, labelColumnName);
            return [("micro accuracy", metrics.MicroAccuracy), ("macro accuracy", metrics.MacroAccuracy), ("log-loss", metrics.LogLoss)];
        }

        var binary = mlContext.BinaryClassification.Evaluate(predictions, labelColumnName);
        return [("accuracy", binary.Accuracy), ("AUC", binary.AreaUnderRocCurve), ("F1", binary.F1Score), ("log-loss", binary.LogLoss)];
    }
}
