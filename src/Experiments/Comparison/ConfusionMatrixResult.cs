using Microsoft.ML.Data;

namespace MlNetMlp.Experiments;

/// <summary>A multiclass confusion matrix with its class names: <c>Counts[actual][predicted]</c>.</summary>
/// <param name="ClassNames">The name of each class, in the order of the rows and columns.</param>
/// <param name="Counts">How many test rows of each actual class (row) were predicted as each class (column).</param>
public sealed record ConfusionMatrixResult(IReadOnlyList<string> ClassNames, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    /// <summary>Takes ML.NET's confusion matrix (from <c>MulticlassClassificationMetrics.ConfusionMatrix</c>).</summary>
    /// <param name="matrix">The matrix; its counts are whole numbers for unweighted data.</param>
    /// <param name="classNames">The class names in key order, e.g. the label's key values.</param>
    /// <returns>The same matrix with names.</returns>
    /// <exception cref="ArgumentException">The number of names differs from the number of classes.</exception>
    public static ConfusionMatrixResult From(ConfusionMatrix matrix, IReadOnlyList<string> classNames)
    {
        if (classNames.Count != matrix.NumberOfClasses)
        {
            throw new ArgumentException(
                $"Expected {matrix.NumberOfClasses} class names, one per class of the matrix. Received: {classNames.Count} names", nameof(classNames));
        }

        return new ConfusionMatrixResult(
            classNames,
            [.. matrix.Counts.Select(row => (IReadOnlyList<long>)[.. row.Select(count => (long)Math.Round(count))])]);
    }
}
