using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Data;

/// <summary>
/// Reads and writes the class names that travel with labels and predictions: a key column's <c>KeyValues</c>
/// (e.g. "0" to "9" on MNIST's label, or on the MLP's <c>PredictedLabel</c>) and a vector's <c>SlotNames</c>
/// (e.g. on <c>OneHotLabels</c>' output or the MLP's <c>Score</c>). Non-text values (numbers mapped to keys)
/// are read as their invariant-culture text.
/// </summary>
public static class ClassNameAnnotations
{
    /// <summary>The annotation kind ML.NET reads for the names of key values (its own constant is internal).</summary>
    public const string KeyValues = "KeyValues";

    /// <summary>The annotation kind ML.NET reads for the names of vector slots.</summary>
    public const string SlotNames = "SlotNames";

    /// <summary>The names in annotation <paramref name="kind"/> of <paramref name="column"/>, or null when it has none.</summary>
    /// <param name="column">The column whose annotations are read.</param>
    /// <param name="kind"><see cref="KeyValues"/> or <see cref="SlotNames"/>.</param>
    /// <returns>The names in key or slot order, or null.</returns>
    public static IReadOnlyList<string>? Read(DataViewSchema.Column column, string kind)
    {
        if (column.Annotations.Schema.GetColumnOrNull(kind) is not { Type: VectorDataViewType vector } annotation)
        {
            return null;
        }

        var read = typeof(ClassNameAnnotations).GetMethod(nameof(ReadAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(vector.ItemType.RawType);
        return (IReadOnlyList<string>)read.Invoke(null, [column.Annotations, annotation])!;
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

    private static IReadOnlyList<string> ReadAs<T>(DataViewSchema.Annotations annotations, DataViewSchema.Column annotation)
    {
        var values = default(VBuffer<T>);
        annotations.GetValue(annotation.Name, ref values);
        return values.DenseValues().Select(v => v switch
        {
            ReadOnlyMemory<char> text => text.ToString(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => v?.ToString() ?? "",
        }).ToList();
    }
}
