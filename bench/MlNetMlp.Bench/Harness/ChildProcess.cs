using System.Diagnostics;
using System.Text.Json;

namespace MlNetMlp.Bench.Harness;

/// <summary>What a child process measured, or why there is no figure.</summary>
internal sealed record Outcome<T>(T? Value, string? Problem, bool Failed)
    where T : class
{
    public static Outcome<T> Unavailable(string reason) => new(null, reason, Failed: false);
}

/// <summary>
/// Runs one measurement in a process of its own, so its peak resident memory is its own: this program again
/// (<see cref="Self"/>), another benchmark program, or a Python peer. The child's stderr is passed through as progress;
/// its last stdout line is the JSON result, or (<see cref="RunForOutput"/>) its whole stdout is.
/// </summary>
internal static class ChildProcess
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This program, as a file to start and the arguments that come before its own.</summary>
    public static (string FileName, string[] Prefix) Self()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? (host, [typeof(ChildProcess).Assembly.Location])
            : (host, []);
    }

    /// <summary>Runs <c>measure <paramref name="measurement"/></c> in a new process of this program.</summary>
    public static Outcome<T> Measure<T>(string measurement, IEnumerable<(string Name, object Value)> options, TimeSpan timeout)
        where T : class
    {
        var (fileName, prefix) = Self();
        return Run<T>(fileName, [.. prefix, "measure", measurement, .. BenchArguments.Format(options)], environment: null, timeout);
    }

    /// <summary>Runs another .NET program of the benchmarks by its assembly, with the host that runs this one.</summary>
    public static Outcome<string> RunDotnetProgram(string assembly, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return RunForOutput(host, [assembly, .. arguments], environment: null, timeout);
    }

    /// <summary>Runs a child whose last stdout line is its result as JSON.</summary>
    public static Outcome<T> Run<T>(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
        where T : class
    {
        var output = RunForOutput(fileName, arguments, environment, timeout);
        if (output.Value is not { } text)
        {
            return new Outcome<T>(null, output.Problem, output.Failed);
        }

        var result = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(line => line.StartsWith('{'));
        return result is null
            ? new Outcome<T>(null, $"printed no JSON result: {fileName} {string.Join(' ', arguments)}", Failed: true)
            : new Outcome<T>(JsonSerializer.Deserialize<T>(result, Json), null, Failed: false);
    }

    /// <summary>Runs a child and gives back everything it printed on stdout, or why it failed.</summary>
    public static Outcome<string> RunForOutput(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var commandLine = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        Console.WriteLine($"  $ {commandLine}");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var lastErrors = new Queue<string>();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Console.WriteLine($"    {text}");
                lock (lastErrors)
                {
                    lastErrors.Enqueue(text);
                    if (lastErrors.Count > 5)
                    {
                        lastErrors.Dequeue();
                    }
                }
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new Outcome<string>(null, $"did not finish within the harness's limit of {timeout.TotalMinutes:F0} minutes: {commandLine}", Failed: true);
        }

        process.WaitForExit();
        Console.WriteLine($"    ({clock.Elapsed.TotalSeconds:F1} s)");
        if (process.ExitCode != 0)
        {
            string errors;
            lock (lastErrors)
            {
                errors = string.Join(" | ", lastErrors);
            }

            return new Outcome<string>(null, $"exit code {process.ExitCode}: {errors}", Failed: true);
        }

        return new Outcome<string>(output.Result, null, Failed: false);
    }
}
