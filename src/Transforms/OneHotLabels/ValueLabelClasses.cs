using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Transforms;

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
