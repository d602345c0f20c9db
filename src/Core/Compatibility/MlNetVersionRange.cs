using System.Globalization;

namespace MlNetMlp;

/// <summary>
/// A half-open range of ML.NET releases, [<see cref="Lowest"/>, <see cref="Below"/>): the releases whose internals
/// MlNetMlp was built and tested against (it saves models and exports ONNX through them, and they change between
/// minor releases).
/// </summary>
/// <param name="Lowest">The first supported release, e.g. 6.0.0.</param>
/// <param name="Below">The first release no longer supported, e.g. 6.1.</param>
public sealed record MlNetVersionRange(Version Lowest, Version Below)
{
    /// <summary>Whether <paramref name="version"/> lies in the range (a missing build number counts as 0).</summary>
    /// <param name="version">A release number such as 6.0.0.</param>
    /// <param name="isPrerelease">A preview of that number (6.0.0-preview.1): it comes before the release, so a preview of <see cref="Lowest"/> is outside.</param>
    /// <returns>True when Lowest ≤ version &lt; Below.</returns>
    public bool Contains(Version version, bool isPrerelease = false) =>
        (isPrerelease ? Normalize(version) > Normalize(Lowest) : Normalize(version) >= Normalize(Lowest)) && Normalize(version) < Normalize(Below);

    /// <summary>Whether the release named by <paramref name="text"/> (e.g. an informational version "6.0.0+sha") lies in the range.</summary>
    /// <param name="text">The version text.</param>
    /// <returns>False also when the text names no release.</returns>
    public bool Contains(string? text) => ParseRelease(text) is { } version && Contains(version, IsPrerelease(text!));

    /// <summary>The range in NuGet's notation, e.g. <c>[6.0.0, 6.1)</c>.</summary>
    public override string ToString() => $"[{Lowest}, {Below})";

    /// <summary>Reads a release number such as "6.0.0" or "6.0.0-preview.1+sha": the numeric part before any suffix.</summary>
    /// <param name="text">The version text, e.g. an assembly's informational version.</param>
    /// <returns>The release number, or null when the text does not start with one.</returns>
    public static Version? ParseRelease(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var end = text.IndexOfAny(['-', '+', ' ']);
        return Version.TryParse(end < 0 ? text : text[..end], out var version) ? version : null;
    }

    private static bool IsPrerelease(string text)
    {
        var dash = text.IndexOf('-');
        var plus = text.IndexOf('+');
        return dash >= 0 && (plus < 0 || dash < plus);
    }

    private static Version Normalize(Version version) =>
        new(version.Major, version.Minor, Math.Max(version.Build, 0), Math.Max(version.Revision, 0));

    internal static MlNetVersionRange Parse(string lowest, string below) =>
        new(ParseRelease(lowest) ?? throw new FormatException($"'{lowest}' is not a release number"),
            ParseRelease(below) ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{below}' is not a release number")));
}
