namespace MlNetMlp.Bench.Harness;

/// <summary>What every benchmark of one run shares: the sizes, the data, a scratch folder, the Python peers, and the failures so far.</summary>
internal sealed class BenchContext(BenchSizes sizes, string dataFolder, string workFolder, PythonPeers python)
{
    private readonly List<string> _failures = [];

    public BenchSizes Sizes => sizes;

    public string DataFolder => dataFolder;

    /// <summary>A folder for generated data files, deleted after the run.</summary>
    public string WorkFolder => workFolder;

    public PythonPeers Python => python;

    /// <summary>Measurements that failed (a peer that is not installed is unavailable, not failed).</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Runs a measurement of this program in a child process and notes a failure.</summary>
    public Outcome<T> Measure<T>(string what, string measurement, IEnumerable<(string Name, object Value)> options)
        where T : class => Note(what, ChildProcess.Measure<T>(measurement, options, sizes.Timeout));

    /// <summary>Runs another .NET benchmark program, whose stdout is its result, and notes a failure.</summary>
    public Outcome<string> RunProgram(string what, string assembly, IEnumerable<string> arguments) =>
        Note(what, ChildProcess.RunDotnetProgram(assembly, arguments, sizes.Timeout));

    /// <summary>Runs a Python peer in a child process and notes a failure.</summary>
    public Outcome<T> RunPython<T>(string what, string script, IEnumerable<string> modules, IEnumerable<object> arguments, int threads)
        where T : class => Note(what, python.Run<T>(script, modules, arguments, threads, sizes.Timeout));

    private Outcome<T> Note<T>(string what, Outcome<T> outcome)
        where T : class
    {
        if (outcome.Failed)
        {
            _failures.Add($"{what}: {outcome.Problem}");
        }

        Console.WriteLine(outcome.Problem is null ? $"  {what}: done" : $"  {what}: {(outcome.Failed ? "FAILED" : "unavailable")}: {outcome.Problem}");
        return outcome;
    }
}
