using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Cli;

/// <summary>Runs the built command-line program as a user does: a new process, arguments, exit code and output.</summary>
internal static class CliRunner
{
    public static ProcessRunner.Result Run(params string[] arguments) => RunWithInput(null, arguments);

    public static ProcessRunner.Result RunWithInput(string? standardInput, params string[] arguments) =>
        ProcessRunner.Run("dotnet", [TestPaths.CliDll, .. arguments], standardInput: standardInput);
}
