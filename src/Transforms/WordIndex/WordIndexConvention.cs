namespace MlNetMlp.Transforms;

/// <summary>
/// How <c>WordIndex</c> numbers words, after Keras <c>imdb.load_data</c>: 0 is padding, 1 marks the start
/// of a sequence, 2 stands for a word out of the vocabulary, and the word of frequency rank r (1 for the most
/// frequent) gets index r + 3, so index 3 is never used. Every index is below <see cref="NumWords"/>, as with
/// Keras <c>num_words</c>. Without the offset, rank r gets index r and out-of-vocabulary words are left out.
/// </summary>
/// <param name="NumWords">Every index is below this bound (Keras <c>num_words</c>), so it is also the dimension for <c>VectorizeSequences</c>.</param>
/// <param name="OffsetIndices">Whether ranks are shifted by <see cref="IndexOffset"/> to make room for the reserved indices.</param>
/// <param name="MarkStart">Whether each sequence begins with <see cref="StartIndex"/>.</param>
public sealed record WordIndexConvention(int NumWords, bool OffsetIndices, bool MarkStart)
{
    /// <summary>The index that pads sequences to a common length.</summary>
    public const int PaddingIndex = 0;

    /// <summary>The index that starts each sequence when <see cref="MarkStart"/> is on.</summary>
    public const int StartIndex = 1;

    /// <summary>The index of a word outside the vocabulary when <see cref="OffsetIndices"/> is on.</summary>
    public const int OutOfVocabularyIndex = 2;

    /// <summary>What is added to a word's frequency rank when <see cref="OffsetIndices"/> is on.</summary>
    public const int IndexOffset = 3;

    /// <summary>How many words the vocabulary can hold: ranks 1 to this value have an index below <see cref="NumWords"/>.</summary>
    public int VocabularyCapacity => NumWords - 1 - (OffsetIndices ? IndexOffset : 0);

    /// <summary>The index of the word at frequency rank <paramref name="rank"/> (1-based).</summary>
    public int IndexOfRank(int rank) => OffsetIndices ? rank + IndexOffset : rank;

    /// <summary>The frequency rank (1-based) of the word at <paramref name="index"/>, which may be outside the vocabulary.</summary>
    public int RankOfIndex(int index) => OffsetIndices ? index - IndexOffset : index;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> when the options contradict each other.</summary>
    public void Validate()
    {
        var smallest = OffsetIndices ? IndexOffset + 2 : 2;
        if (NumWords < smallest)
        {
            throw new ArgumentOutOfRangeException(nameof(NumWords),
                $"Expected numWords >= {smallest}, so that at least one word gets an index below it{(OffsetIndices ? " after the reserved indices 0-3" : string.Empty)}. Received: numWords={NumWords}.");
        }

        if (MarkStart && !OffsetIndices)
        {
            throw new ArgumentException(
                $"Expected markStart: false when offsetIndices is false: the start mark {StartIndex} would be the index of the most frequent word. Received: markStart=true, offsetIndices=false.",
                nameof(MarkStart));
        }
    }
}
