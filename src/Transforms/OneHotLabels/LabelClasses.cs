using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Core.Persistence;

namespace MlNetMlp.Transforms.OneHotLabels;

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

    /// <summary>
    /// Writes ONNX nodes comparing the labels in <paramref name="label"/> (shape [N, 1]) with every class, and returns
    /// the variable of the result: a Boolean [N, K] that is true where a row's label is class k, all false for a label
    /// that is no class. Labels compare as the lookup compares them (text by ordinal, numbers by value).
    /// </summary>
    public abstract string MatchOnnx(OnnxGraph graph, string label);

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
            return ClassKinds[type.RawType].Parse(type, names);
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

    /// <summary>Whether classes can be learned from a column of <paramref name="type"/>.</summary>
    public static bool CanLearn(DataViewType type) =>
        type is KeyDataViewType || (type is PrimitiveDataViewType && ClassKinds.ContainsKey(type.RawType));

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

        return ClassKinds[column.Type.RawType].Learn(data, column, maximumClassCount);
    }

    /// <summary>The distinct labels of <paramref name="column"/>, read as <typeparamref name="TRaw"/> and turned into class values.</summary>
    private protected static List<TClass> LearnValues<TRaw, TClass>(IDataView data, DataViewSchema.Column column, int maximumClassCount, Func<TRaw, TClass> toClass)
        where TClass : notnull
    {
        var seen = new HashSet<TClass>();
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

    /// <summary>How to learn and to reload the classes of a label column of one raw type (keys apart).</summary>
    private sealed record ClassKind(Func<IDataView, DataViewSchema.Column, int, LabelClasses> Learn, Func<DataViewType, string[], LabelClasses> Parse);

    private static ClassKind ValuesOf<T>()
        where T : struct, IEquatable<T>, IComparable<T>, IParsable<T> =>
        new(ValueLabelClasses<T>.LearnFrom, ValueLabelClasses<T>.Parse);

    private static readonly Dictionary<Type, ClassKind> ClassKinds = new()
    {
        [typeof(ReadOnlyMemory<char>)] = new(TextLabelClasses.LearnFrom, (_, names) => new TextLabelClasses(names)),
        [typeof(float)] = ValuesOf<float>(),
        [typeof(double)] = ValuesOf<double>(),
        [typeof(bool)] = ValuesOf<bool>(),
        [typeof(byte)] = ValuesOf<byte>(),
        [typeof(sbyte)] = ValuesOf<sbyte>(),
        [typeof(short)] = ValuesOf<short>(),
        [typeof(ushort)] = ValuesOf<ushort>(),
        [typeof(int)] = ValuesOf<int>(),
        [typeof(uint)] = ValuesOf<uint>(),
        [typeof(long)] = ValuesOf<long>(),
        [typeof(ulong)] = ValuesOf<ulong>(),
    };
}
