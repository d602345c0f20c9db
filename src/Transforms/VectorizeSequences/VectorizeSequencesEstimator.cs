using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.VectorizeSequences;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="VectorizeSequencesTransformer"/>. Nothing is learned: <c>Fit</c> checks the
/// sequence column and returns the transformer.
/// </summary>
public sealed class VectorizeSequencesEstimator : IEstimator<VectorizeSequencesTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>The output width of the IMDb course, matching <c>WordIndex</c>'s default numWords.</summary>
        public const int Dimension = 10_000;
    }

    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly int _dimension;
    private readonly bool _counts;
    private readonly IndexBeyondDimension _indexBeyondDimension;

    internal VectorizeSequencesEstimator(string outputColumnName, string inputColumnName, int dimension, bool counts, IndexBeyondDimension indexBeyondDimension)
    {
        MlNetVersionGuard.EnsureSupported();
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), $"Expected dimension >= 1. Received: dimension={dimension}.");
        }

        if (!Enum.IsDefined(indexBeyondDimension))
        {
            throw new ArgumentOutOfRangeException(nameof(indexBeyondDimension), $"Expected Drop or Throw. Received: indexBeyondDimension={indexBeyondDimension}.");
        }

        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName;
        _dimension = dimension;
        _counts = counts;
        _indexBeyondDimension = indexBeyondDimension;
    }

    /// <summary>Checks the sequence column and returns the transformer.</summary>
    public VectorizeSequencesTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SequenceColumn.Check(input.Schema, _inputColumnName);
        return new VectorizeSequencesTransformer(_outputColumnName, _inputColumnName, _dimension, _counts, _indexBeyondDimension);
    }

    /// <summary>The schema shape after the transform: a known-size vector of Single; throws <see cref="SchemaMismatchException"/> when the input is not a vector of indices.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SequenceColumn.Check(ColumnRequirements.Find(inputSchema, _inputColumnName, SequenceColumn.Expected));
        return ColumnRequirements.With(inputSchema,
            ColumnRequirements.Shape(_outputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false));
    }
}
