using System.Globalization;

namespace MlNetMlp.Bench.Harness;

/// <summary>A goal of issue 13 checked against figures measured in the same run: a ratio or an amount that must not exceed a limit.</summary>
/// <param name="Description">What is compared, e.g. "(a)/(c) seconds per epoch, 60,000 rows".</param>
/// <param name="Value">The measured value; null when a figure is missing.</param>
/// <param name="Limit">The most the goal allows.</param>
/// <param name="Format">How the value and limit are printed.</param>
internal sealed record Goal(string Description, double? Value, double Limit, string Format = "F2")
{
    public bool? Met => Value is { } value ? value <= Limit : null;

    public override string ToString()
    {
        var value = Value?.ToString(Format, CultureInfo.InvariantCulture) ?? "n/a";
        var verdict = Met switch { true => "met", false => "**missed**", null => "not measured" };
        return $"{Description}: {value} (goal ≤ {Limit.ToString(Format, CultureInfo.InvariantCulture)}): {verdict}";
    }

    /// <summary>The ratio of two figures, or null when either is missing.</summary>
    public static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? n / d : null;
}
