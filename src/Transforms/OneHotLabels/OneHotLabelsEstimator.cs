using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.OneHotLabels;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="OneHotLabelsTransformer"/>: learns the set of labels (integers, floats, text,
/// keys or bool) in one pass and fixes their order, which is the order of the one-hot positions.
/// </summary>
public sealed class OneHotLabelsEstimator : OneToOneEstimator<OneHotLabelsTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>More distinct values than this means the column is probably not a label.</summary>
        public const int MaximumClassCount = 1000;
    }

    private readonly bool _allZerosForUnseen;
    private readonly int _maximumClassCount;

    internal OneHotLabelsEstimator(string outputColumnName, string inputColumnName, bool allZerosForUnseen, int maximumClassCount)
        : base(outputColumnName, inputColumnName)
    {
        if (maximumClassCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumClassCount), $"Expected maximumClassCount >= 1. Received: maximumClassCount={maximumClassCount}.");
        }

        _allZerosForUnseen = allZerosForUnseen;
        _maximumClassCount = maximumClassCount;
    }

    private protected override string InputExpectation => LabelColumn.Expected;

    /// <summary>Checks the label column and learns its classes.</summary>
    private protected override OneHotLabelsTransformer FitChecked(IDataView input)
    {
        var column = LabelColumn.Check(input.Schema, InputColumnName);
        return new OneHotLabelsTransformer(OutputColumnName, InputColumnName, LabelClasses.Learn(input, column, _maximumClassCount), _allZerosForUnseen);
    }

    /// <summary>A known-size vector of Single with slot names (its length is learned in <c>Fit</c>), from a label.</summary>
    private protected override SchemaShape.Column OutputShape(SchemaShape.Column input)
    {
        LabelColumn.Check(input);
        var slotNames = new SchemaShape([ColumnRequirements.Shape(AnnotationUtils.Kinds.SlotNames, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, isKey: false)]);
        return ColumnRequirements.Shape(OutputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false, slotNames);
    }
}
