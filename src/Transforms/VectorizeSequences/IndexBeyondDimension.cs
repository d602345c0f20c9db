namespace MlNetMlp.Transforms;

/// <summary>What <c>VectorizeSequences</c> does with an index at or beyond its dimension.</summary>
public enum IndexBeyondDimension
{
    /// <summary>Leave the index out, as Keras <c>num_words</c> leaves out rarer words.</summary>
    Drop,

    /// <summary>Raise an error naming the column, row and index.</summary>
    Throw,
}
