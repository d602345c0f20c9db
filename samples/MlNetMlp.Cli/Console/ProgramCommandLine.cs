namespace MlNetMlp.Cli.Console;

/// <summary>The command line this run was started with, as a user would type it again: <c>mlnetmlp compare mnist --seed 1</c>.</summary>
internal static class ProgramCommandLine
{
    public static string Current() =>
        string.Join(' ', ["mlnetmlp", .. Environment.GetCommandLineArgs().Skip(1).Select(Quote)]);

    /// <summary>Quotes an argument for a POSIX shell when it holds anything but plain characters.</summary>
    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./,=:+@%".Contains(c))
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
