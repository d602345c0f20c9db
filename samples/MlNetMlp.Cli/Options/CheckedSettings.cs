using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Options;

/// <summary>
/// Settings whose every option is checked before the command runs: <see cref="Check"/> throws a
/// <see cref="UsageException"/> for the first wrong option, and the program exits with the usage code before any work.
/// </summary>
internal abstract class CheckedSettings : CommandSettings
{
    public sealed override ValidationResult Validate()
    {
        try
        {
            Check();
            return ValidationResult.Success();
        }
        catch (UsageException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }

    /// <summary>Reads every option once; throws a <see cref="UsageException"/> naming the first one that is wrong.</summary>
    protected abstract void Check();
}
