using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Data;
using Spectre.Console;

namespace MlNetMlp.Cli.Console;

/// <summary>Prints predictions: the label, and the probability of each class (or of the positive class).</summary>
internal static class PredictionTable
{
    public static void Print(IDataView predictions, int maxRows)
    {
        var predicted = predictions.Schema["PredictedLabel"];
        if (predicted.Type is BooleanDataViewType)
        {
            PrintBinary(predictions, predicted, maxRows);
        }
        else
        {
            PrintMulticlass(predictions, predicted, maxRows);
        }
    }

    private static void PrintBinary(IDataView predictions, DataViewSchema.Column predicted, int maxRows)
    {
        var probability = predictions.Schema["Probability"];
        var table = new Table().AddColumns("row", "label", "P(positive)");
        using var cursor = predictions.GetRowCursor([predicted, probability]);
        var getLabel = cursor.GetGetter<bool>(predicted);
        var getProbability = cursor.GetGetter<float>(probability);
        bool label = false;
        float p = 0;
        while (cursor.MoveNext() && cursor.Position < maxRows)
        {
            getLabel(ref label);
            getProbability(ref p);
            table.AddRow(cursor.Position.ToString(CultureInfo.InvariantCulture), label ? "positive" : "negative", p.ToString("F4", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    private static void PrintMulticlass(IDataView predictions, DataViewSchema.Column predicted, int maxRows)
    {
        var score = predictions.Schema["Score"];
        var names = ClassNames(predicted);
        var table = new Table().AddColumns("row", "label", "probabilities");
        using var cursor = predictions.GetRowCursor([predicted, score]);
        var getLabel = cursor.GetGetter<uint>(predicted);
        var getScore = cursor.GetGetter<VBuffer<float>>(score);
        uint key = 0;
        var scores = default(VBuffer<float>);
        while (cursor.MoveNext() && cursor.Position < maxRows)
        {
            getLabel(ref key);
            getScore(ref scores);
            var probabilities = string.Join("  ", scores.DenseValues().Select((s, i) => $"{Name(names, i)}:{s.ToString("F3", CultureInfo.InvariantCulture)}"));
            table.AddRow(cursor.Position.ToString(CultureInfo.InvariantCulture), key == 0 ? "?" : Name(names, (int)key - 1), probabilities);
        }

        AnsiConsole.Write(table);
    }

    private static string Name(IReadOnlyList<string> names, int index) => index < names.Count ? names[index] : index.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> ClassNames(DataViewSchema.Column predicted) =>
        ClassNameAnnotations.Read(predicted, ClassNameAnnotations.KeyValues) ?? [];
}
