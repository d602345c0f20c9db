using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.VectorizeSequences;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="VectorizeSequencesTransformer"/>. Nothing is learned: <c>Fit</c> checks the
/// sequence column and returns the transformer.
/// </summary>
public sealed class VectorizeSequencesEstimator : OneToOneEstimator<VectorizeSequencesTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>The output width of the IMDb course, matching <c>WordIndex</c>'s default numWords.</summary>
        public const int Dimension = 10_000;
    }

    private readonly int _dimension;
    private readonly bool _counts;
    private readonly IndexBeyondDimension _indexBeyondDimension;

    internal VectorizeSequencesEstimator(string outputColumnName, string inputColumnName, int dimension, bool counts, IndexBeyondDimension indexBeyondDimension)
        : base(outputColumnName, inputColumnName)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), $"Expected dimension >= 1. Received: dimension={dimension}.");
        }

        if (!Enum.IsDefined(indexBeyondDimension))
        {
            throw new ArgumentOutOfRangeException(nameof(indexBeyondDimension), $"Expected Drop or Throw. Received: indexBeyondDimension={indexBeyondDimension}.");
        }

        _dimension = dimension;
        _counts = counts;
        _indexBeyondDimension = indexBeyondDimension;
    }

    private protected override string InputExpectation => SequenceColumn.Expected;

    /// <summary>Checks the sequence column and returns the transformer: nothing is learned.</summary>
    private protected override VectorizeSequencesTransformer FitChecked(IDataView input)
    {
        SequenceColumn.Check(input.Schema, InputColumnName);
        return new VectorizeSequencesTransformer(OutputColumnName, InputColumnName, _dimension, _counts, _indexBeyondDimension);
    }

    /// <summary>A known-size vector of Single, from a vector of indices.</summary>
    private protected override SchemaShape.Column OutputShape(SchemaShape.Column input)
    {
        SequenceColumn.Check(input);
        return ColumnRequirements.Shape(OutputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false);
    }
}
