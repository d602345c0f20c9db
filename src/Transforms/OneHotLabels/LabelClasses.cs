using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Persistence;

namespace MlNetMlp.Transforms;

/// <summary>Reads the current row's label and returns its class index, or -1 (with the label) when it is not a class.</summary>
internal delegate int ClassIndexGetter(out object? unseenLabel);

/// <summary>
/// The classes <c>OneHotLabels</c> learned from a label column, in class order, with the lookup both
/// ways. Class order is the natural order of the values (numbers ascending, text ordinal, false before
/// true), so digit labels 0..9 take one-hot positions 0..9; a key column's classes are its key values 1..Count.
/// </summary>
internal abstract class LabelClasses
{
    /// <summary>The label column type the classes were learned from.</summary>
    public abstract DataViewType LabelType { get; }

    /// <summary>The class values in class order (text as <see cref="string"/>, keys as their raw key value).</summary>
    public abstract IReadOnlyList<object> Values { get; }

    /// <summary>The class values as text, in class order: what the <c>SlotNames</c> annotation holds.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>The class index of <paramref name="label"/>, given as a value of the label column's raw type.</summary>
    public abstract bool TryGetIndex(object label, out int index);

    /// <summary>A getter of the class index of the label in <paramref name="column"/> of <paramref name="row"/>.</summary>
    public abstract ClassIndexGetter CreateIndexGetter(DataViewRow row, DataViewSchema.Column column);

    /// <summary>Writes the label type and the classes.</summary>
    public void Save(ComponentWriter writer)
    {
        writer.Write(LabelType);
        writer.Write(Names);
    }

    /// <summary>Reads classes written by <see cref="Save"/>.</summary>
    public static LabelClasses Load(ComponentReader reader)
    {
        var type = reader.ReadType();
        var names = reader.ReadStrings();
        reader.Check(names.Length > 0, "it holds no classes");
        reader.Check(LabelColumn.IsLabelType(type), $"its label type is {type}");
        if (type is KeyDataViewType key)
        {
            reader.Check((ulong)names.Length == key.Count, $"a key type of {key.Count} values has {names.Length} class names");
            return new KeyLabelClasses(key, names);
        }

        try
        {
            return Create(type, names.Select(n => (object)n), parse: true);
        }
        catch (FormatException e)
        {
            throw new ModelFormatException($"The saved OneHotLabels transformer is corrupt: a class name cannot be read as {type} ({e.Message}).", e);
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"The saved OneHotLabels transformer is corrupt: {e.Message}", e);
        }
    }

    /// <summary>Learns the classes in one pass over <paramref name="column"/>.</summary>
    public static LabelClasses Learn(IDataView data, DataViewSchema.Column column, int maximumClassCount)
    {
        if (column.Type is KeyDataViewType key)
        {
            if (key.Count > (ulong)maximumClassCount)
            {
                throw new InvalidOperationException(
                    $"Column '{column.Name}': expected at most maximumClassCount={maximumClassCount} classes, found a key type of {key.Count} values.");
            }

            return new KeyLabelClasses(key, KeyLabelClasses.NamesFromAnnotation(column, key));
        }

        var raw = column.Type.RawType;
        return raw == typeof(ReadOnlyMemory<char>) ? Create(column.Type, LearnValues<ReadOnlyMemory<char>>(data, column, maximumClassCount, m => m.ToString()), parse: false)
            : raw == typeof(float) ? Create(column.Type, LearnValues<float>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(double) ? Create(column.Type, LearnValues<double>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(bool) ? Create(column.Type, LearnValues<bool>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(byte) ? Create(column.Type, LearnValues<byte>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(sbyte) ? Create(column.Type, LearnValues<sbyte>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(short) ? Create(column.Type, LearnValues<short>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(ushort) ? Create(column.Type, LearnValues<ushort>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(int) ? Create(column.Type, LearnValues<int>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(uint) ? Create(column.Type, LearnValues<uint>(data, column, maximumClassCount, v => v), parse: false)
            : raw == typeof(long) ? Create(column.Type, LearnValues<long>(data, column, maximumClassCount, v => v), parse: false)
            : Create(column.Type, LearnValues<ulong>(data, column, maximumClassCount, v => v), parse: false);
    }

    private static List<object> LearnValues<TRaw>(IDataView data, DataViewSchema.Column column, int maximumClassCount, Func<TRaw, object> toClass)
    {
        var seen = new HashSet<object>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<TRaw>(column);
        TRaw value = default!;
        long rows = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            var label = toClass(value);
            if (label is float.NaN or double.NaN)
            {
                throw new InvalidOperationException(
                    $"Column '{column.Name}', row {cursor.Position}: expected a label, found NaN. Remove or fill rows with missing labels before OneHotLabels.");
            }

            if (seen.Add(label) && seen.Count > maximumClassCount)
            {
                throw new InvalidOperationException(
                    $"Column '{column.Name}': expected at most maximumClassCount={maximumClassCount} distinct labels, found more. " +
                    "Is this a label column? Raise maximumClassCount if it is.");
            }

            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidOperationException($"Column '{column.Name}': expected rows to learn the classes from, found an empty data view.");
        }

        return [.. seen];
    }

    private static LabelClasses Create(DataViewType type, IEnumerable<object> classes, bool parse)
    {
        var raw = type.RawType;
        return raw == typeof(ReadOnlyMemory<char>) ? new TextLabelClasses(classes.Cast<string>())
            : raw == typeof(float) ? ValueLabelClasses<float>.From(type, classes, parse)
            : raw == typeof(double) ? ValueLabelClasses<double>.From(type, classes, parse)
            : raw == typeof(bool) ? ValueLabelClasses<bool>.From(type, classes, parse)
            : raw == typeof(byte) ? ValueLabelClasses<byte>.From(type, classes, parse)
            : raw == typeof(sbyte) ? ValueLabelClasses<sbyte>.From(type, classes, parse)
            : raw == typeof(short) ? ValueLabelClasses<short>.From(type, classes, parse)
            : raw == typeof(ushort) ? ValueLabelClasses<ushort>.From(type, classes, parse)
            : raw == typeof(int) ? ValueLabelClasses<int>.From(type, classes, parse)
            : raw == typeof(uint) ? ValueLabelClasses<uint>.From(type, classes, parse)
            : raw == typeof(long) ? ValueLabelClasses<long>.From(type, classes, parse)
            : ValueLabelClasses<ulong>.From(type, classes, parse);
    }

    /// <summary>Classes of a number or bool column; the class index comes from a dictionary lookup.</summary>
    private sealed class ValueLabelClasses<T> : LabelClasses
        where T : struct, IEquatable<T>, IComparable<T>, IParsable<T>
    {
        private readonly T[] _values;
        private readonly Dictionary<T, int> _indices;

        private ValueLabelClasses(DataViewType type, T[] values)
        {
            LabelType = type;
            _values = values;
            _indices = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
            Values = [.. values.Select(v => (object)v)];
            Names = [.. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!)];
        }

        public static ValueLabelClasses<T> From(DataViewType type, IEnumerable<object> classes, bool parse)
        {
            var values = classes.Select(c => parse ? T.Parse((string)c, CultureInfo.InvariantCulture) : (T)c).ToArray();
            Array.Sort(values);
            for (var i = 1; i < values.Length; i++)
            {
                if (values[i].Equals(values[i - 1]))
                {
                    throw new ArgumentException($"the class {values[i]} appears twice.");
                }
            }

            return new ValueLabelClasses<T>(type, values);
        }

        public override DataViewType LabelType { get; }

        public override IReadOnlyList<object> Values { get; }

        public override IReadOnlyList<string> Names { get; }

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

    /// <summary>Classes of a text column, in ordinal order; lookups read the row's text without allocating.</summary>
    private sealed class TextLabelClasses : LabelClasses
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
}
