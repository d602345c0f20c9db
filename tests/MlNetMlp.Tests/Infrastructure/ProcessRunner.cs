using System.Diagnostics;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Runs a program the way a user would and captures what it prints.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// How long any process a test starts may run. Generous on purpose: it only stops a hung program, and must never
    /// fail a correct one on a loaded machine (the slowest, the CLI's compare on a subset, takes about a minute alone).
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Transcript => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' was still running after {Limit.TotalMinutes:N0} minutes, the limit " +
                $"the tests give any process they start, and was stopped.\n--- stdout\n{standardOutput.Result}\n--- stderr\n{standardError.Result}");
        }

        return new Result(process.ExitCode, standardOutput.Result, standardError.Result);
    }
}
