namespace MlNetMlp.Cli.Console;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ProgressLines(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
