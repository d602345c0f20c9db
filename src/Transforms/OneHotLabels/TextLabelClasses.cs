using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Transforms.OneHotLabels;

/// <summary>Classes of a text label column, in ordinal order; lookups read the row's text without allocating.</summary>
internal sealed class TextLabelClasses : LabelClasses
{
    private readonly Dictionary<string, int> _indices;

    public TextLabelClasses(IEnumerable<string> classes)
    {
        var values = classes.Order(StringComparer.Ordinal).ToArray();
        _indices = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (!_indices.TryAdd(values[i], i))
            {
                throw new ArgumentException($"the class '{values[i]}' appears twice.");
            }
        }

        Values = values;
        Names = values;
    }

    public override DataViewType LabelType => TextDataViewType.Instance;

    public override IReadOnlyList<object> Values { get; }

    public override IReadOnlyList<string> Names { get; }

    public static LabelClasses LearnFrom(IDataView data, DataViewSchema.Column column, int maximumClassCount) =>
        new TextLabelClasses(LearnValues<ReadOnlyMemory<char>, string>(data, column, maximumClassCount, text => text.ToString()));

    /// <summary>ONNX-ML's <c>LabelEncoder</c> looks each text up among the classes (ordinal, as the dictionary does); -1 is no class.</summary>
    public override string MatchOnnx(OnnxGraph graph, string label)
    {
        var index = graph.Apply("LabelEncoder", [label], node =>
        {
            node.AddAttribute("keys_strings", Names);
            node.AddAttribute("values_int64s", Enumerable.Range(0, Names.Count).Select(i => (long)i));
            node.AddAttribute("default_int64", -1L);
        }, OnnxGraph.MlDomain);
        return graph.Apply("Equal", index, graph.Constant(Enumerable.Range(0, Names.Count).Select(i => (long)i), 1, Names.Count));
    }

    public override bool TryGetIndex(object label, out int index)
    {
        index = -1;
        return label switch
        {
            string text => _indices.TryGetValue(text, out index),
            ReadOnlyMemory<char> memory => _indices.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(memory.Span, out index),
            _ => false,
        };
    }

    public override ClassIndexGetter CreateIndexGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
        var lookup = _indices.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = default(ReadOnlyMemory<char>);
        return (out object? unseen) =>
        {
            getter(ref text);
            if (lookup.TryGetValue(text.Span, out var index))
            {
                unseen = null;
                return index;
            }

            unseen = text.ToString();
            return -1;
        };
    }
}
