using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Spectre.Console;

namespace MlNetMlp.Cli.Console;

/// <summary>
/// Prints predictions: the label, and the probability of each class (or of the positive class). Reads ML.NET's
/// prediction columns, or the same columns as ONNX Runtime gives them through <c>ApplyOnnxModel</c> (each a vector
/// with a leading batch dimension of 1, and no class names).
/// </summary>
internal static class PredictionTable
{
    /// <summary>Prints the first <paramref name="maxRows"/> predictions.</summary>
    /// <param name="predictions">The model's output.</param>
    /// <param name="maxRows">How many rows to print.</param>
    /// <param name="inputs">What each row was made from (e.g. the line of a review), to print beside it; null for none.</param>
    public static void Print(IDataView predictions, int maxRows, IReadOnlyList<string>? inputs = null)
    {
        var predicted = predictions.Schema["PredictedLabel"];
        var binary = ItemType(predicted.Type) is BooleanDataViewType;
        var table = binary
            ? Binary(Values<bool>(predictions, predicted, maxRows), Values<float>(predictions, predictions.Schema["Probability"], maxRows), inputs)
            : Multiclass(Values<uint>(predictions, predicted, maxRows), Vectors(predictions, predictions.Schema["Score"], maxRows), ClassNames(predicted));
        AnsiConsole.Write(table);
        if (inputs is not null && inputs.Count > maxRows)
        {
            AnsiConsole.WriteLine($"{inputs.Count - maxRows:N0} more not shown; --max-rows {inputs.Count} shows all {inputs.Count:N0}.");
        }
    }

    private static Table Binary(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities, IReadOnlyList<string>? inputs)
    {
        var table = new Table().AddColumns(["row", "label", "P(positive)", .. inputs is null ? Array.Empty<string>() : ["input"]]);
        for (var row = 0; row < labels.Count; row++)
        {
            string[] cells = [Text(row), labels[row] ? "positive" : "negative", probabilities[row].ToString("F4", CultureInfo.InvariantCulture)];
            table.AddRow(inputs is null ? cells : [.. cells, Markup.Escape(inputs[row])]);
        }

        return table;
    }

    private static Table Multiclass(IReadOnlyList<uint> keys, IReadOnlyList<float[]> scores, IReadOnlyList<string> names)
    {
        var table = new Table().AddColumns("row", "label", "probabilities");
        for (var row = 0; row < keys.Count; row++)
        {
            var probabilities = string.Join("  ", scores[row].Select((s, i) => $"{Name(names, i)}:{s.ToString("F3", CultureInfo.InvariantCulture)}"));
            table.AddRow(Text(row), keys[row] == 0 ? "?" : Name(names, (int)keys[row] - 1), probabilities);
        }

        return table;
    }

    /// <summary>The first value of each of the first <paramref name="maxRows"/> rows, from a scalar or a one-value vector.</summary>
    private static List<T> Values<T>(IDataView data, DataViewSchema.Column column, int maxRows) => column.Type is VectorDataViewType
        ? [.. Vectors<T>(data, column, maxRows).Select(v => v[0])]
        : [.. data.GetColumn<T>(column).Take(maxRows)];

    private static List<float[]> Vectors(IDataView data, DataViewSchema.Column column, int maxRows) => Vectors<float>(data, column, maxRows);

    private static List<T[]> Vectors<T>(IDataView data, DataViewSchema.Column column, int maxRows) =>
        [.. data.GetColumn<VBuffer<T>>(column).Take(maxRows).Select(v => v.DenseValues().ToArray())];

    private static DataViewType ItemType(DataViewType type) => type is VectorDataViewType vector ? vector.ItemType : type;

    private static string Text(int row) => row.ToString(CultureInfo.InvariantCulture);

    private static string Name(IReadOnlyList<string> names, int index) => index < names.Count ? names[index] : index.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> ClassNames(DataViewSchema.Column predicted) =>
        ClassNameAnnotations.Read(predicted, ClassNameAnnotations.KeyValues) ?? [];
}
