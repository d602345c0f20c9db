using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Transforms.WordIndex;

namespace MlNetMlp.Transforms;

/// <summary>
/// Estimator for <see cref="WordIndexTransformer"/>: counts the words of the text column in one pass and
/// keeps the most frequent ones that get an index below <c>numWords</c>.
/// </summary>
public sealed class WordIndexEstimator : OneToOneEstimator<WordIndexTransformer>
{
    /// <summary>Default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>Keras <c>num_words</c> of the IMDb course: every index is below 10,000.</summary>
        public const int NumWords = 10_000;
    }

    private readonly WordIndexConvention _convention;

    internal WordIndexEstimator(string outputColumnName, string inputColumnName, WordIndexConvention convention)
        : base(outputColumnName, inputColumnName)
    {
        convention.Validate();
        _convention = convention;
    }

    private protected override string InputExpectation => TextColumn.Expected;

    /// <summary>Checks the text column and learns the vocabulary; throws when the text holds no words.</summary>
    private protected override WordIndexTransformer FitChecked(IDataView input)
    {
        var column = TextColumn.Check(input.Schema, InputColumnName);
        var words = WordVocabulary.Learn(input, column, _convention.VocabularyCapacity);
        return new WordIndexTransformer(OutputColumnName, InputColumnName, _convention, words);
    }

    /// <summary>A variable-length vector of Int32, from text.</summary>
    private protected override SchemaShape.Column OutputShape(SchemaShape.Column input)
    {
        TextColumn.Check(input);
        return ColumnRequirements.Shape(OutputColumnName, SchemaShape.Column.VectorKind.VariableVector, NumberDataViewType.Int32, isKey: false);
    }
}
