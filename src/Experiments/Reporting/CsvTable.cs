using System.Globalization;
using System.Text;

namespace MlNetMlp.Experiments.Reporting;

/// <summary>Writes CSV as spreadsheets and pandas read it: invariant culture, full precision, empty cells for missing values, RFC 4180 quoting.</summary>
internal static class CsvTable
{
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', header));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', row));
        }

        return csv.ToString();
    }

    /// <summary>A number that reads back to the same double ("R"), or an empty cell.</summary>
    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
