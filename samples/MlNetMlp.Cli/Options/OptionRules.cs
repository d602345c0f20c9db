using System.Text.RegularExpressions;

namespace MlNetMlp.Cli.Options;

/// <summary>
/// The library owns the rules of its options (<c>MlpOptions.Validate</c>, each layer's factory, each study's
/// constructor); the command line only names them. This runs a check and turns the library's
/// <see cref="ArgumentException"/> into a <see cref="UsageException"/> that names the command-line option the library's
/// option came from, e.g. "--learning-rate: expected a finite learningRate > 0. Received: learningRate=0". An option
/// made of parts (a layer: <c>Layers</c>) names the part in its message ("Received: rate=1"), which is looked up as
/// <c>Layers.rate</c>.
/// </summary>
internal static partial class OptionRules
{
    /// <summary>Runs <paramref name="check"/>; an <see cref="ArgumentException"/> it throws for a parameter in <paramref name="flags"/> becomes a usage error.</summary>
    /// <typeparam name="T">What the check builds.</typeparam>
    /// <param name="check">Builds the library's options or object, which checks them.</param>
    /// <param name="flags">The library's parameter or option name to the command-line option that sets it.</param>
    /// <returns>What <paramref name="check"/> built.</returns>
    public static T Checked<T>(Func<T> check, IReadOnlyDictionary<string, string> flags)
    {
        try
        {
            return check();
        }
        catch (ArgumentException e) when (Flag(e, flags) is { } flag)
        {
            var message = ParameterSuffix().Replace(e.Message, "").TrimEnd();
            throw new UsageException($"{flag}: {char.ToLowerInvariant(message[0])}{message[1..]}{(message.EndsWith('.') ? "" : ".")}");
        }
    }

    private static string? Flag(ArgumentException error, IReadOnlyDictionary<string, string> flags)
    {
        if (error.ParamName is not { } name)
        {
            return null;
        }

        if (flags.TryGetValue(name, out var flag))
        {
            return flag;
        }

        var part = ReceivedPart().Match(error.Message);
        return part.Success && flags.TryGetValue($"{name}.{part.Groups[1].Value}", out var partFlag) ? partFlag : null;
    }

    /// <summary>The part a message says it received, as in "Received: rate=1".</summary>
    [GeneratedRegex(@"Received: (\w+)=")]
    private static partial Regex ReceivedPart();

    /// <summary>The " (Parameter 'x')" .NET appends to an argument exception's message.</summary>
    [GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial Regex ParameterSuffix();
}
