using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp;

/// <summary>
/// Reads and writes the class names that travel with labels and predictions: a key column's <c>KeyValues</c>
/// (e.g. "0" to "9" on MNIST's label, or on the MLP's <c>PredictedLabel</c>) and a vector's <c>SlotNames</c>
/// (e.g. on <c>OneHotLabels</c>' output or the MLP's <c>Score</c>). Non-text values (numbers mapped to keys)
/// are read as their invariant-culture text.
/// </summary>
public static class ClassNameAnnotations
{
    /// <summary>The annotation kind ML.NET reads for the names of key values.</summary>
    public const string KeyValues = AnnotationUtils.Kinds.KeyValues;

    /// <summary>The annotation kind ML.NET reads for the names of vector slots.</summary>
    public const string SlotNames = AnnotationUtils.Kinds.SlotNames;

    /// <summary>The names in annotation <paramref name="kind"/> of <paramref name="column"/>, or null when it has none.</summary>
    /// <param name="column">The column whose annotations are read.</param>
    /// <param name="kind"><see cref="KeyValues"/> or <see cref="SlotNames"/>.</param>
    /// <returns>The names in key or slot order, or null (also for value types that have no text form).</returns>
    public static IReadOnlyList<string>? Read(DataViewSchema.Column column, string kind)
    {
        if (column.Annotations.Schema.GetColumnOrNull(kind) is not { Type: VectorDataViewType vector })
        {
            return null;
        }

        var annotations = column.Annotations;
        var type = vector.ItemType.RawType;
        return type == typeof(ReadOnlyMemory<char>) ? Values<ReadOnlyMemory<char>>(annotations, kind, text => text.ToString())
            : type == typeof(bool) ? Values<bool>(annotations, kind, flag => flag ? "True" : "False")
            : type == typeof(sbyte) ? Formatted<sbyte>(annotations, kind)
            : type == typeof(byte) ? Formatted<byte>(annotations, kind)
            : type == typeof(short) ? Formatted<short>(annotations, kind)
            : type == typeof(ushort) ? Formatted<ushort>(annotations, kind)
            : type == typeof(int) ? Formatted<int>(annotations, kind)
            : type == typeof(uint) ? Formatted<uint>(annotations, kind)
            : type == typeof(long) ? Formatted<long>(annotations, kind)
            : type == typeof(ulong) ? Formatted<ulong>(annotations, kind)
            : type == typeof(float) ? Formatted<float>(annotations, kind)
            : type == typeof(double) ? Formatted<double>(annotations, kind)
            : type == typeof(TimeSpan) ? Formatted<TimeSpan>(annotations, kind)
            : type == typeof(DateTime) ? Formatted<DateTime>(annotations, kind)
            : type == typeof(DateTimeOffset) ? Formatted<DateTimeOffset>(annotations, kind)
            : null;
    }

    /// <summary>Annotations holding <paramref name="names"/> under <paramref name="kind"/>, as a vector of text.</summary>
    /// <param name="kind"><see cref="KeyValues"/> or <see cref="SlotNames"/>.</param>
    /// <param name="names">The names in key or slot order.</param>
    /// <returns>Annotations to attach to a column.</returns>
    public static DataViewSchema.Annotations Build(string kind, IReadOnlyList<string> names)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        var values = names.Select(n => n.AsMemory()).ToArray();
        builder.Add(kind, new VectorDataViewType(TextDataViewType.Instance, names.Count), (ref VBuffer<ReadOnlyMemory<char>> value) =>
            value = new VBuffer<ReadOnlyMemory<char>>(values.Length, (ReadOnlyMemory<char>[])values.Clone()));
        return builder.ToAnnotations();
    }

    private static IReadOnlyList<string> Formatted<T>(DataViewSchema.Annotations annotations, string kind)
        where T : IFormattable =>
        Values<T>(annotations, kind, value => value.ToString(null, CultureInfo.InvariantCulture));

    private static IReadOnlyList<string> Values<T>(DataViewSchema.Annotations annotations, string kind, Func<T, string> toText)
    {
        var values = default(VBuffer<T>);
        annotations.GetValue(kind, ref values);
        return values.DenseValues().Select(toText).ToList();
    }
}
