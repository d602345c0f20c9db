namespace MlNetMlp.Cli.Options;

/// <summary>A command line the program cannot act on: the message names the option, what it takes and what it got (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
