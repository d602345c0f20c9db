using MlNetMlp.Bench.Harness;

// MlNetMlp's benchmarks beside their peers, in one command that regenerates bench/RESULTS.md:
//
//     dotnet run -c Release --project bench/MlNetMlp.Bench [-- --quick] [--output FILE] [--json FILE] [--data FOLDER]
//
// --quick runs every benchmark on tiny sizes (what the test suite does); --output writes the results elsewhere;
// --json also writes the figures as JSON; --data names the folder holding mnist/ and imdb/ (default ../shared/data
// beside the repository, or MLNETMLP_DATA). Every measurement runs in a process of its own, this program with
// "measure NAME ..." or a Python peer, so that each peak resident memory is that measurement's own.
// "check-peers" says whether the Python peers can run here (exit code 0) or why not (exit code 3).
return args switch
{
    ["measure", var name, .. var rest] => Measurements.Run(name, BenchArguments.Parse(rest)),
    ["check-peers"] => PythonPeers.Check(),
    _ => BenchRun.Run(BenchArguments.Parse(args)),
};
