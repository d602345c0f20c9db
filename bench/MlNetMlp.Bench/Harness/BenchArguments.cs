using System.Globalization;

namespace MlNetMlp.Bench.Harness;

/// <summary>Command-line options of the form <c>--name value</c> and flags <c>--name</c>.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string?> _values;

    private BenchArguments(Dictionary<string, string?> values) => _values = values;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option such as --quick or --output FILE. Received: {args[i]}");
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return new BenchArguments(values);
    }

    /// <summary>The options as a command line again, e.g. for a child process.</summary>
    public static IEnumerable<string> Format(IEnumerable<(string Name, object Value)> options) =>
        options.SelectMany(option => new[] { $"--{option.Name}", Convert.ToString(option.Value, CultureInfo.InvariantCulture)! });

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? Optional(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string Text(string name) =>
        Optional(name) ?? throw new ArgumentException($"Expected the option --{name} with a value.");

    public int Integer(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);

    public int? OptionalInteger(string name) => Optional(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
