using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.OneHotLabels;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="OneHotLabelsTransformer"/>: learns the set of labels (integers, floats, text,
/// keys or bool) in one pass and fixes their order, which is the order of the one-hot positions.
/// </summary>
public sealed class OneHotLabelsEstimator : IEstimator<OneHotLabelsTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>More distinct values than this means the column is probably not a label.</summary>
        public const int MaximumClassCount = 1000;
    }

    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly bool _allZerosForUnseen;
    private readonly int _maximumClassCount;

    internal OneHotLabelsEstimator(string outputColumnName, string inputColumnName, bool allZerosForUnseen, int maximumClassCount)
    {
        MlNetVersionGuard.EnsureSupported();
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        if (maximumClassCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumClassCount), $"Expected maximumClassCount >= 1. Received: maximumClassCount={maximumClassCount}.");
        }

        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName;
        _allZerosForUnseen = allZerosForUnseen;
        _maximumClassCount = maximumClassCount;
    }

    /// <summary>Checks the label column and learns its classes.</summary>
    public OneHotLabelsTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = LabelColumn.Check(input.Schema, _inputColumnName);
        return new OneHotLabelsTransformer(_outputColumnName, _inputColumnName, LabelClasses.Learn(input, column, _maximumClassCount), _allZerosForUnseen);
    }

    /// <summary>
    /// The schema shape after the transform: a known-size vector of Single with slot names (its length is
    /// learned in <c>Fit</c>); throws <see cref="SchemaMismatchException"/> when the input column is not a label.
    /// </summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        LabelColumn.Check(ColumnRequirements.Find(inputSchema, _inputColumnName, LabelColumn.Expected));
        var slotNames = new SchemaShape([ColumnRequirements.Shape(AnnotationUtils.Kinds.SlotNames, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, isKey: false)]);
        return ColumnRequirements.With(inputSchema,
            ColumnRequirements.Shape(_outputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false, slotNames));
    }
}
