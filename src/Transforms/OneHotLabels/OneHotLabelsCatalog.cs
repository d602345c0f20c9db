using Microsoft.ML;
using MlNetMlp.Transforms;

namespace MlNetMlp;

/// <summary>The <c>OneHotLabels</c> entry point on <c>mlContext.Transforms</c>.</summary>
public static class OneHotLabelsCatalog
{
    /// <summary>
    /// Turns a label into a one-hot float vector, as Keras <c>to_categorical</c> does: <c>Fit</c> learns the
    /// classes and their order; digit 3 of the classes 0..9 becomes [0,0,0,1,0,0,0,0,0,0].
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The output column: a known-size vector of Single of length K (the number of classes) with a <c>SlotNames</c> annotation holding the class values as text.</param>
    /// <param name="inputColumnName">The label column: a scalar of an integer type, Single, Double, Text, Boolean or a key type; defaults to <paramref name="outputColumnName"/>.</param>
    /// <param name="allZerosForUnseen">When true, a label <c>Fit</c> did not see gives an all-zero row; when false (default) it raises an error naming the column, row and label.</param>
    /// <param name="maximumClassCount">The most distinct labels <c>Fit</c> accepts, a guard against one-hot encoding a column that is not a label.</param>
    /// <returns>An estimator; fit it to get a <see cref="OneHotLabelsTransformer"/>.</returns>
    public static OneHotLabelsEstimator OneHotLabels(
        this TransformsCatalog catalog,
        string outputColumnName,
        string? inputColumnName = null,
        bool allZerosForUnseen = false,
        int maximumClassCount = OneHotLabelsEstimator.Defaults.MaximumClassCount)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new OneHotLabelsEstimator(outputColumnName, inputColumnName ?? outputColumnName, allZerosForUnseen, maximumClassCount);
    }
}
