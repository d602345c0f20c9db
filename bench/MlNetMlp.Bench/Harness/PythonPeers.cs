using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MlNetMlp.Bench.Harness;

/// <summary>
/// The Python interpreter that runs the PyTorch and scikit-learn peers (Debian's <c>python3-torch</c>,
/// <c>python3-sklearn</c>, with <c>libopenblas0-pthread</c>), what it has, and how a peer is started with a thread budget.
/// </summary>
internal sealed class PythonPeers
{
    public const string InstallHint = "apt-get install -y python3-torch python3-sklearn libopenblas0-pthread";

    private const string ProbeScript = """
        import json, platform
        info = {"python": platform.python_version(), "modules": {}, "missing": {}}
        for name in ("numpy", "torch", "sklearn", "threadpoolctl"):
            try:
                info["modules"][name] = __import__(name).__version__
            except Exception as e:
                info["missing"][name] = f"{type(e).__name__}: {e}"
        if "threadpoolctl" in info["modules"] and "numpy" in info["modules"]:
            import threadpoolctl
            info["blas"] = ", ".join(f"{i['internal_api']} {i.get('version')} ({i.get('threading_layer', '?')} threading)"
                                     for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas")
        print(json.dumps(info))
        """;

    private readonly PythonProbe? _probe;

    private PythonPeers(string interpreter, PythonProbe? probe, string? problem)
    {
        Interpreter = interpreter;
        _probe = probe;
        Problem = problem;
    }

    public string Interpreter { get; }

    /// <summary>Why no Python peer can run at all, or null.</summary>
    public string? Problem { get; }

    public string Describe() => _probe is null
        ? $"{Interpreter}: {Problem}"
        : $"Python {_probe.Python} ({Interpreter}); " + string.Join(", ", _probe.Modules.Select(m => $"{m.Key} {m.Value}")) +
          (_probe.Missing.Count > 0 ? $"; missing {string.Join(", ", _probe.Missing.Keys)}" : "") +
          (_probe.Blas is { Length: > 0 } blas ? $"; BLAS {blas}" : "");

    /// <summary>Prints what the peers have; exit code 0 when every peer can run, 3 (with the reason) when one cannot.</summary>
    public static int Check()
    {
        var python = Find();
        var missing = python._probe?.Missing.Keys.ToList() ?? [];
        Console.WriteLine(python.Describe());
        if (python._probe is not null && missing.Count == 0)
        {
            return 0;
        }

        Console.WriteLine($"The Python peers cannot run: {python.Problem ?? $"missing {string.Join(", ", missing)}"}. Install them with: {InstallHint}");
        return 3;
    }

    /// <summary>$PYTHON, else the system interpreter (Debian's packages install there, and a pyenv shim earlier on PATH would not see them).</summary>
    public static PythonPeers Find()
    {
        var interpreter = Environment.GetEnvironmentVariable("PYTHON") is { Length: > 0 } configured ? configured
            : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        try
        {
            var start = new ProcessStartInfo(interpreter, ["-c", ProbeScript]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? new PythonPeers(interpreter, JsonSerializer.Deserialize<PythonProbe>(output, ChildProcess.Json), null)
                : new PythonPeers(interpreter, null, $"the interpreter failed: {errors.Result.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new PythonPeers(interpreter, null, $"no Python interpreter ({e.Message})");
        }
    }

    /// <summary>
    /// Runs a peer script with every numeric library held to <paramref name="threads"/> threads (torch's own pool, OpenMP
    /// and OpenBLAS, which would otherwise each start one thread per core); the count is also the script's last argument.
    /// Unavailable when a module it needs is missing.
    /// </summary>
    public Outcome<T> Run<T>(string script, IEnumerable<string> modules, IEnumerable<object> arguments, int threads, TimeSpan timeout)
        where T : class
    {
        if (_probe is null)
        {
            return Outcome<T>.Unavailable($"{Problem} ({InstallHint})");
        }

        var missing = modules.Where(_probe.Missing.ContainsKey).ToList();
        if (missing.Count > 0)
        {
            return Outcome<T>.Unavailable($"{Interpreter} lacks {string.Join(", ", missing)} ({InstallHint})");
        }

        var threadText = threads.ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["OMP_NUM_THREADS"] = threadText,
            ["OPENBLAS_NUM_THREADS"] = threadText,
            ["MKL_NUM_THREADS"] = threadText,
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
        var scriptPath = Path.Combine(AppContext.BaseDirectory, "Peers", script);
        return ChildProcess.Run<T>(Interpreter, [scriptPath, .. arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)!), threadText], environment, timeout);
    }

    private sealed record PythonProbe(string Python, Dictionary<string, string> Modules, Dictionary<string, string> Missing, string? Blas);
}
