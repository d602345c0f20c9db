using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Trainers;

/// <summary>
/// Reads and writes the class names that travel with labels: a key label's <c>KeyValues</c> or a one-hot vector's
/// <c>SlotNames</c> in, <c>KeyValues</c> on <c>PredictedLabel</c> and <c>SlotNames</c> on <c>Score</c> out.
/// Non-text key values (numbers mapped to keys) are carried as their invariant-culture text.
/// </summary>
internal static class ClassNameAnnotations
{
    public const string KeyValues = "KeyValues";
    public const string SlotNames = "SlotNames";

    /// <summary>The names in annotation <paramref name="kind"/> of <paramref name="column"/>, or null when it has none.</summary>
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

    /// <summary>Annotations holding <paramref name="names"/> under <paramref name="kind"/>.</summary>
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
