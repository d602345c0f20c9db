using System.Globalization;

namespace MlNetMlp.Bench.Harness;

/// <summary>How RESULTS.md prints numbers: invariant culture, a fixed number of places per kind of figure.</summary>
internal static class Figures
{
    public static string Seconds(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    public static string Megabytes(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Microseconds(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    public static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Fraction(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
