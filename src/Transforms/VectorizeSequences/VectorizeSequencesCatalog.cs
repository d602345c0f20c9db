using Microsoft.ML;
using MlNetMlp.Transforms;

namespace MlNetMlp;

/// <summary>The <c>VectorizeSequences</c> entry point on <c>mlContext.Transforms</c>.</summary>
public static class VectorizeSequencesCatalog
{
    /// <summary>
    /// Turns a sequence of word indices into a multi-hot vector, as Keras' <c>vectorize_sequences</c>:
    /// a float vector of <paramref name="dimension"/> slots with 1 wherever an index appears. The vector
    /// is sparse (only the nonzeros are stored), so memory stays proportional to the sequence lengths.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The output column: a known-size vector of Single of length <paramref name="dimension"/>, stored sparse.</param>
    /// <param name="inputColumnName">The input column, a vector (any length) of an integer type or a key type; defaults to <paramref name="outputColumnName"/>. Integer values are indices as they are (negative ones are an error); a key value k is index k - 1 and the missing key 0 is skipped.</param>
    /// <param name="dimension">The output length; indices must be below it.</param>
    /// <param name="counts">When true, a slot holds how often its index appears instead of 1.</param>
    /// <param name="indexBeyondDimension">What to do with an index at or beyond <paramref name="dimension"/>: drop it (default, as Keras <c>num_words</c>) or throw.</param>
    /// <returns>An estimator; fit it to get a <see cref="VectorizeSequencesTransformer"/>.</returns>
    public static VectorizeSequencesEstimator VectorizeSequences(
        this TransformsCatalog catalog,
        string outputColumnName,
        string? inputColumnName = null,
        int dimension = VectorizeSequencesEstimator.Defaults.Dimension,
        bool counts = false,
        IndexBeyondDimension indexBeyondDimension = IndexBeyondDimension.Drop)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new VectorizeSequencesEstimator(outputColumnName, inputColumnName ?? outputColumnName, dimension, counts, indexBeyondDimension);
    }
}
