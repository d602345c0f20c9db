using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Transforms.OneToOne;
using MlNetMlp.Transforms.WordIndex;
using MlNetMlp.Transforms;

[assembly: LoadableClass(typeof(WordIndexTransformer), null, typeof(SignatureLoadModel),
    "MlNetMlp Word Index", WordIndexTransformer.LoaderSignature)]

namespace MlNetMlp.Transforms;

/// <summary>
/// Turns text into a variable-length sequence of word indices (Vector&lt;Int32&gt;) with the vocabulary
/// learned in <c>Fit</c>, numbered as Keras numbers the IMDb reviews (see <see cref="WordIndexConvention"/>).
/// The vocabulary is exposed both ways and <see cref="Decode"/> turns a sequence back into text.
/// Made by <see cref="WordIndexEstimator"/>; saves into ML.NET's model <c>.zip</c> with its vocabulary. It does not
/// export to ONNX (see <see cref="OnnxExportBlocker"/>): export a pipeline from its output column on.
/// </summary>
public sealed class WordIndexTransformer : OneToOneTransformer
{
    internal const string LoaderSignature = "MlNetMlpWordIndex";

    /// <summary>The text <see cref="Decode"/> writes for an index that has no word, as the Keras course does.</summary>
    public const string UnknownWordText = "?";

    private static readonly ComponentFormat SavedFormat = new(
        "WordIndex transformer", "WORDINDX", LoaderSignature, version: 1, oldestReadableVersion: 1, typeof(WordIndexTransformer));

    private readonly string[] _words;
    private readonly Dictionary<string, int> _wordToIndex;
    private readonly Dictionary<int, string> _indexToWord;

    internal WordIndexTransformer(string outputColumnName, string inputColumnName, WordIndexConvention convention, string[] words)
        : base(outputColumnName, inputColumnName)
    {
        Convention = convention;
        _words = words;
        _wordToIndex = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (!_wordToIndex.TryAdd(words[i], convention.IndexOfRank(i + 1)))
            {
                throw new ArgumentException($"The word '{words[i]}' appears twice in the vocabulary.", nameof(words));
            }
        }

        _indexToWord = _wordToIndex.ToDictionary(pair => pair.Value, pair => pair.Key);
    }

    /// <summary>How words are numbered.</summary>
    public WordIndexConvention Convention { get; }

    /// <summary>The vocabulary, most frequent word first: the word at position p has frequency rank p + 1.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Word to index: the index each vocabulary word gets in the output.</summary>
    public IReadOnlyDictionary<string, int> WordToIndex => _wordToIndex;

    /// <summary>Index to word: the word behind each index of the vocabulary (reserved indices have none).</summary>
    public IReadOnlyDictionary<int, string> IndexToWord => _indexToWord;

    /// <summary>
    /// Turns a sequence back into text as the Keras course does: the words joined by spaces, with
    /// <see cref="UnknownWordText"/> for padding, the start mark, out-of-vocabulary words and any other index without a word.
    /// </summary>
    /// <param name="sequence">Word indices, e.g. a row of the output column.</param>
    /// <returns>The decoded text.</returns>
    public string Decode(IEnumerable<int> sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return string.Join(' ', sequence.Select(index => _indexToWord.GetValueOrDefault(index, UnknownWordText)));
    }

    /// <summary>
    /// Why <c>mlContext.Model.ConvertToOnnx</c> refuses this step. Its tokenizer removes punctuation and symbols inside a
    /// word without splitting it ("don't" is "dont") and lowercases with .NET's invariant casing, one UTF-16 unit at a
    /// time. What ONNX Runtime can run from a graph ML.NET's exporter writes (opset 12, no subgraphs) cannot do both:
    /// <list type="bullet">
    /// <item>Splitting at white space and <c>&lt;br /&gt;</c> and looking words up are expressible (the contrib
    /// <c>Tokenizer</c> with a separator regular expression, ONNX-ML's <c>LabelEncoder</c>).</item>
    /// <item>Removing characters from inside a word is not: <c>Tokenizer</c> can only split a word into pieces around
    /// them, and joining pieces needs <c>StringConcat</c> (opset 20) or a <c>Loop</c>/<c>Scan</c> subgraph, which the
    /// exporter's API cannot write. Looking the pieces up instead would need a string key of node and piece, a join again.</item>
    /// <item>Lowercasing exists only as <c>StringNormalizer</c>, which lowercases by the C library locale of the machine
    /// that runs the model (and fails where that locale is not installed), not by .NET's invariant table; and ONNX strings
    /// are UTF-8 code points, so a character outside the Basic Multilingual Plane, which .NET sees as two surrogates that
    /// are neither punctuation nor cased, is classified differently.</item>
    /// </list>
    /// A graph that splits at punctuation, or lowercases by locale, gives other word indices for some reviews, so the
    /// export fails instead of scoring differently.
    /// </summary>
    public const string OnnxExportBlocker =
        "its tokenizer removes punctuation inside a word without splitting it (\"don't\" becomes \"dont\") and lowercases with .NET's " +
        "invariant casing. ML.NET's exporter writes ONNX opset 12 without subgraphs, where no operator joins the pieces of a word back " +
        "together (StringConcat is opset 20; Loop and Scan need subgraphs) and the only lowercasing operator, StringNormalizer, follows " +
        "the C library locale of the machine that runs the model; a graph built from them would give other word indices for some texts. " +
        "Export the pipeline from the word-index column on instead: the transformers after WordIndex, converted with data that holds " +
        "the word indices (see the README's ONNX section), and compute the indices with WordIndexTransformer before calling the model.";

    private protected override ComponentFormat Format => SavedFormat;

    private protected override ColumnMapper CreateMapper(DataViewSchema inputSchema) =>
        new Mapper(this, inputSchema, TextColumn.Check(inputSchema, InputColumnName));

    private protected override void SaveParameters(ComponentWriter writer)
    {
        writer.Write(Convention.NumWords);
        writer.Write(Convention.OffsetIndices);
        writer.Write(Convention.MarkStart);
        writer.Write(_words);
    }

    private static WordIndexTransformer Create(IHostEnvironment env, ModelLoadContext ctx) =>
        ComponentReader.Load(ctx, SavedFormat, reader =>
        {
            var (output, input) = ReadColumnNames(reader);
            var convention = new WordIndexConvention(reader.ReadInt32(), reader.ReadBoolean(), reader.ReadBoolean());
            try
            {
                convention.Validate();
            }
            catch (ArgumentException e)
            {
                throw new ModelFormatException($"The saved WordIndex transformer is corrupt: {e.Message}", e);
            }

            var words = reader.ReadStrings();
            reader.Check(words.Length > 0 && words.Length <= convention.VocabularyCapacity,
                $"it holds {words.Length} words where numWords={convention.NumWords} allows 1 to {convention.VocabularyCapacity}");
            reader.Check(words.Distinct(StringComparer.Ordinal).Count() == words.Length, "its vocabulary repeats a word");
            return new WordIndexTransformer(output, input, convention, words);
        });

    private sealed class Mapper : SingleColumnMapper
    {
        private readonly WordIndexTransformer _parent;

        public Mapper(WordIndexTransformer parent, DataViewSchema inputSchema, DataViewSchema.Column input)
            : base(inputSchema, input, new AddedColumn(parent.OutputColumnName, new VectorDataViewType(NumberDataViewType.Int32)))
        {
            _parent = parent;
        }

        public override string? OnnxBlocker => OnnxExportBlocker;

        protected override Delegate CreateGetter(DataViewRow input)
        {
            var source = input.GetGetter<ReadOnlyMemory<char>>(Input);
            var text = default(ReadOnlyMemory<char>);
            var lookup = _parent._wordToIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            var convention = _parent.Convention;
            var tokenizer = new WordTokenizer();
            var sequence = new List<int>();
            var onWord = new WordHandler(word =>
            {
                if (lookup.TryGetValue(word, out var index))
                {
                    sequence.Add(index);
                }
                else if (convention.OffsetIndices)
                {
                    sequence.Add(WordIndexConvention.OutOfVocabularyIndex);
                }
            });
            ValueGetter<VBuffer<int>> getter = (ref VBuffer<int> destination) =>
            {
                source(ref text);
                sequence.Clear();
                if (convention.MarkStart)
                {
                    sequence.Add(WordIndexConvention.StartIndex);
                }

                tokenizer.Split(text.Span, onWord);
                var editor = VBufferEditor.Create(ref destination, sequence.Count);
                sequence.CopyTo(editor.Values);
                destination = editor.Commit();
            };
            return getter;
        }
    }
}
