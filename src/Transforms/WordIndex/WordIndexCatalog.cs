using Microsoft.ML;
using MlNetMlp.Transforms;

namespace MlNetMlp;

/// <summary>The <c>WordIndex</c> entry point on <c>mlContext.Transforms</c>.</summary>
public static class WordIndexCatalog
{
    /// <summary>
    /// Turns text into a sequence of word indices numbered as Keras numbers the IMDb reviews: 0 padding,
    /// 1 start of sequence, 2 out of vocabulary, and rank r (1 = most frequent word learned in <c>Fit</c>) at r + 3.
    /// Text is lowercased, <c>&lt;br /&gt;</c> tags and white space separate words, punctuation is removed.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The output column: a variable-length vector of Int32.</param>
    /// <param name="inputColumnName">The input column, a scalar of Text; defaults to <paramref name="outputColumnName"/>.</param>
    /// <param name="numWords">Every index is below this bound, as with Keras <c>num_words</c>: with the offset the vocabulary keeps the <c>numWords - 4</c> most frequent words (ties broken by ordinal word order) and rarer words become index 2.</param>
    /// <param name="offsetIndices">When false, rank r gets index r (no reserved indices) and words outside the vocabulary are left out.</param>
    /// <param name="markStart">When true, each sequence starts with index 1. Needs <paramref name="offsetIndices"/>.</param>
    /// <returns>An estimator; fit it to get a <see cref="WordIndexTransformer"/>.</returns>
    public static WordIndexEstimator WordIndex(
        this TransformsCatalog catalog,
        string outputColumnName,
        string? inputColumnName = null,
        int numWords = WordIndexEstimator.Defaults.NumWords,
        bool offsetIndices = true,
        bool markStart = true)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new WordIndexEstimator(outputColumnName, inputColumnName ?? outputColumnName, new WordIndexConvention(numWords, offsetIndices, markStart));
    }
}
