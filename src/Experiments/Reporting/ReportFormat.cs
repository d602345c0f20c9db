using System.Globalization;
using System.Text;

namespace MlNetMlp.Experiments.Reporting;

/// <summary>How the human-readable report formats numbers and names (the CSV and JSON keep full precision).</summary>
internal static class ReportFormat
{
    public const string Missing = "-";

    public static string Metric(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? Missing;

    public static string Seconds(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? Missing;

    public static string Rate(double? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? Missing;

    public static string Bytes(long? value) => value switch
    {
        null => Missing,
        < 1024 => $"{value} B",
        < 1024 * 1024 => (value.Value / 1024.0).ToString("0.0 'KB'", CultureInfo.InvariantCulture),
        _ => (value.Value / (1024.0 * 1024.0)).ToString("0.00 'MB'", CultureInfo.InvariantCulture),
    };

    /// <summary>A file-name-safe lowercase form of a trainer name: "OneVersusAll(FastTree)" becomes "oneversusall-fasttree".</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
