using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.WordIndex;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="WordIndexTransformer"/>: counts the words of the text column in one pass and
/// keeps the most frequent ones that get an index below <c>numWords</c>.
/// </summary>
public sealed class WordIndexEstimator : IEstimator<WordIndexTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>Keras <c>num_words</c> of the IMDb course: every index is below 10,000.</summary>
        public const int NumWords = 10_000;
    }

    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly WordIndexConvention _convention;

    internal WordIndexEstimator(string outputColumnName, string inputColumnName, WordIndexConvention convention)
    {
        MlNetVersionGuard.EnsureSupported();
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        convention.Validate();
        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName;
        _convention = convention;
    }

    /// <summary>Checks the text column and learns the vocabulary; throws when the text holds no words.</summary>
    public WordIndexTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = TextColumn.Check(input.Schema, _inputColumnName);
        var words = WordVocabulary.Learn(input, column, _convention.VocabularyCapacity);
        return new WordIndexTransformer(_outputColumnName, _inputColumnName, _convention, words);
    }

    /// <summary>The schema shape after the transform: a variable-length vector of Int32; throws <see cref="SchemaMismatchException"/> when the input is not text.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        TextColumn.Check(ColumnRequirements.Find(inputSchema, _inputColumnName, TextColumn.Expected));
        return ColumnRequirements.With(inputSchema,
            ColumnRequirements.Shape(_outputColumnName, SchemaShape.Column.VectorKind.VariableVector, NumberDataViewType.Int32, isKey: false));
    }
}
