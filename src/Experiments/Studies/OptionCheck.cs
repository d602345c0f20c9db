using System.Globalization;

namespace MlNetMlp.Experiments.Studies;

/// <summary>The checks of the studies' options, with messages in the library's form: what was expected, why, what was received.</summary>
internal static class OptionCheck
{
    /// <summary>Throws naming <paramref name="option"/> unless <paramref name="value"/> is at least <paramref name="minimum"/>.</summary>
    /// <param name="value">The option's value.</param>
    /// <param name="minimum">The least it may be.</param>
    /// <param name="option">The option's name, e.g. nameof(Epochs).</param>
    /// <param name="why">Why, e.g. "one pass has no spread"; null for none.</param>
    public static void AtLeast(int value, int minimum, string option, string? why = null)
    {
        if (value < minimum)
        {
            var name = char.ToLowerInvariant(option[0]) + option[1..];
            throw new ArgumentOutOfRangeException(option, string.Create(CultureInfo.InvariantCulture,
                $"Expected {name} >= {minimum}{(why is null ? "" : $": {why}")}. Received: {name}={value}"));
        }
    }
}
