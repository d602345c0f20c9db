using System.Globalization;

namespace MlNetMlp.Cli.Options;

/// <summary>
/// Reads the text of an option as a number, a list or a name, and refuses a wrong value with a message that names the
/// option, the range it takes and what it received, in the form "--epochs: expected a whole number of at least 1.
/// Received: 'abc'." (Spectre's own conversion says only "Failed to convert 'abc' to Nullable`1", which is why numeric
/// options are declared as text.) Every method returns null when the option was not given.
/// </summary>
internal static class OptionValue
{
    /// <summary>
    /// A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>]: a range the command line owns (rows,
    /// seeds, how many to print); an option the library checks passes <see cref="int.MinValue"/>, which checks the syntax only.
    /// </summary>
    public static int? Integer(string option, string? text, int minimum, int maximum = int.MaxValue)
    {
        if (text is null)
        {
            return null;
        }

        var range = minimum == int.MinValue ? "" : maximum == int.MaxValue ? $" of at least {minimum}" : $" from {minimum} to {maximum}";
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw Refuse(option, $"a whole number{range}", text);
        }

        return value;
    }

    /// <summary>A finite number; its range is the library's to check (see <see cref="OptionRules"/>).</summary>
    public static float? Number(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value
            : throw Refuse(option, "a number", text);
    }

    /// <summary>A comma-separated list of finite numbers, e.g. <c>1,5</c>; their range is the library's to check.</summary>
    public static float[]? NumberList(string option, string? text, string expected)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new float[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
            {
                throw Refuse(option, expected, text);
            }
        }

        return values;
    }

    /// <summary>A comma-separated list of whole numbers, e.g. <c>16,16</c>; their range is the library's to check.</summary>
    public static int[]? IntegerList(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                throw Refuse(option, "whole numbers separated by commas, e.g. 16,16", text);
            }
        }

        return values;
    }

    /// <summary>One of <paramref name="names"/> (case-insensitive).</summary>
    public static T? Name<T>(string option, string? text, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        return names.TryGetValue(text.Trim().ToLowerInvariant(), out var value)
            ? value
            : throw Refuse(option, $"one of {string.Join(", ", names.Keys)}", text);
    }

    private static UsageException Refuse(string option, string expected, string received) =>
        new($"{option}: expected {expected}. Received: '{received}'.");

}
