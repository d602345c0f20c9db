using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MlNetMlp.Bench.Harness;

/// <summary>The machine, the software and the moment of a run, as RESULTS.md states them.</summary>
internal sealed record BenchMachine(
    string Processor,
    int Cores,
    string Memory,
    string OperatingSystem,
    string Runtime,
    string MlNet,
    string TorchSharp,
    string LibTorch,
    int TorchDefaultThreads,
    string Python,
    string Commit,
    string Configuration)
{
    public static BenchMachine Describe(PythonPeers python, string repositoryRoot)
    {
        var torch = TorchRuntime.Describe();
        return new BenchMachine(
            ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount,
            ProcField("/proc/meminfo", "MemTotal") is { } total ? $"{long.Parse(total.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024:N0} MB" : "unknown",
            OsRelease() ?? RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            torch.MlNetVersion,
            torch.TorchSharpVersion,
            torch.LibTorchVersion,
            torch.TorchThreads,
            python.Describe(),
            Git(repositoryRoot, "rev-parse", "--short", "HEAD") is { } commit
                ? commit + (Git(repositoryRoot, "status", "--porcelain", "--untracked-files=no") is { Length: > 0 } ? " with uncommitted changes" : "")
                : "unknown",
            typeof(BenchMachine).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown");
    }

    /// <summary>The 1, 5 and 15 minute load averages: how busy the machine was (above 0 on an idle machine means someone else's work).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ProcField(string path, string name) => File.Exists(path)
        ? File.ReadLines(path).Where(line => line.StartsWith(name, StringComparison.Ordinal)).Select(line => line[(line.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
        : null;

    private static string? OsRelease() => File.Exists("/etc/os-release")
        ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault()
            + $" (kernel {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()})"
        : null;

    private static string? Git(string repository, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", repository, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
