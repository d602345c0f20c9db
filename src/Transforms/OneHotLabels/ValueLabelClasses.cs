using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Transforms.OneHotLabels;

/// <summary>Classes of a number or bool label column, in ascending order; the class index comes from a dictionary lookup.</summary>
internal sealed class ValueLabelClasses<T> : LabelClasses
    where T : struct, IEquatable<T>, IComparable<T>, IParsable<T>
{
    private readonly Dictionary<T, int> _indices;

    private ValueLabelClasses(DataViewType type, IEnumerable<T> classes)
    {
        var values = classes.Order().ToArray();
        _indices = new Dictionary<T, int>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (!_indices.TryAdd(values[i], i))
            {
                throw new ArgumentException($"the class {values[i]} appears twice.");
            }
        }

        LabelType = type;
        Values = [.. values.Select(v => (object)v)];
        Names = [.. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!)];
    }

    public override DataViewType LabelType { get; }

    public override IReadOnlyList<object> Values { get; }

    public override IReadOnlyList<string> Names { get; }

    public static LabelClasses LearnFrom(IDataView data, DataViewSchema.Column column, int maximumClassCount) =>
        new ValueLabelClasses<T>(column.Type, LearnValues<T, T>(data, column, maximumClassCount, v => v));

    /// <summary>Classes saved as their names; throws <see cref="FormatException"/> or <see cref="ArgumentException"/> for names that are not distinct values.</summary>
    public static LabelClasses Parse(DataViewType type, string[] names) =>
        new ValueLabelClasses<T>(type, names.Select(n => T.Parse(n, CultureInfo.InvariantCulture)));

    /// <summary>
    /// Single and Double labels compare in their own type (as the dictionary does: 0 equals -0, NaN is never a class);
    /// Boolean and integer labels compare as Int64, to which both sides convert one-to-one (UInt64 by its bits).
    /// </summary>
    public override string MatchOnnx(OnnxGraph graph, string label)
    {
        var values = Values.Cast<T>().ToArray();
        var count = values.Length;
        var classes = values switch
        {
            float[] floats => graph.Constant(floats, 1, count),
            double[] doubles => graph.Constant(doubles, 1, count),
            _ => graph.Constant(values.Select(AsInt64), 1, count),
        };
        var compared = typeof(T) == typeof(float) || typeof(T) == typeof(double) ? label : graph.Cast(label, typeof(long));
        return graph.Apply("Equal", compared, classes);
    }

    private static long AsInt64(T value) => value switch
    {
        bool flag => flag ? 1 : 0,
        ulong large => unchecked((long)large),
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public override bool TryGetIndex(object label, out int index)
    {
        index = -1;
        return label is T value && _indices.TryGetValue(value, out index);
    }

    public override ClassIndexGetter CreateIndexGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<T>(column);
        T value = default;
        return (out object? unseen) =>
        {
            getter(ref value);
            if (_indices.TryGetValue(value, out var index))
            {
                unseen = null;
                return index;
            }

            unseen = value;
            return -1;
        };
    }
}
