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

    /// <summary>
    /// Starts a process and kills it (SIGKILL, the whole tree) as soon as a line of its standard output satisfies
    /// <paramref name="killAfter"/>, or after <paramref name="killDelay"/>; returns the lines it printed and whether it
    /// was killed (false when it ended first).
    /// </summary>
    public static (IReadOnlyList<string> Lines, bool Killed) RunAndKill(string fileName, IEnumerable<string> arguments, Func<string, bool>? killAfter = null, TimeSpan? killDelay = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        _ = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        var deadline = DateTime.UtcNow + (killDelay ?? Limit);
        var reading = process.StandardOutput.ReadLineAsync();
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !reading.Wait(remaining))
            {
                break;
            }

            if (reading.Result is not { } line)
            {
                process.WaitForExit();
                return (lines, false);
            }

            lines.Add(line);
            if (killAfter?.Invoke(line) == true)
            {
                break;
            }

            reading = process.StandardOutput.ReadLineAsync();
        }

        if (process.HasExited)
        {
            return (lines, false);
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (lines, true);
    }
}
