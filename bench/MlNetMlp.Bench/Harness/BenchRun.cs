using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using MlNetMlp.Bench.Data;
using MlNetMlp.Bench.Inference;
using MlNetMlp.Bench.Onnx;
using MlNetMlp.Bench.Threads;
using MlNetMlp.Bench.Training;
using MlNetMlp.Bench.Transforms;

namespace MlNetMlp.Bench.Harness;

/// <summary>Runs every benchmark, one measurement process after another, and writes RESULTS.md (and the JSON when asked).</summary>
internal static class BenchRun
{
    public const string Command = "dotnet run -c Release --project bench/MlNetMlp.Bench";

    public static int Run(BenchArguments arguments)
    {
        var sizes = arguments.Flag("quick") ? BenchSizes.Quick : BenchSizes.Full;
        if (sizes == BenchSizes.Full && typeof(BenchRun).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
        {
            Console.Error.WriteLine($"The full benchmarks measure optimized code: run them from a Release build ({Command}), or pass --quick.");
            return 2;
        }

        // A quick run's figures are not results: they go to the temporary folder unless --output says otherwise.
        var output = Path.GetFullPath(arguments.Optional("output")
            ?? (sizes == BenchSizes.Quick ? Path.Combine(Path.GetTempPath(), "mlnetmlp-bench-quick", "RESULTS.md") : Path.Combine(BenchData.RepositoryRoot, "bench", "RESULTS.md")));
        var dataFolder = BenchData.Locate(arguments.Optional("data"));
        var work = Directory.CreateTempSubdirectory("mlnetmlp-bench-").FullName;
        try
        {
            var started = DateTime.UtcNow;
            var loadAtStart = BenchMachine.LoadAverage();
            var cpuAtStart = CpuActivity.Sample();
            var python = PythonPeers.Find();
            var machine = BenchMachine.Describe(python, BenchData.RepositoryRoot);
            Console.WriteLine($"MlNetMlp benchmarks, {sizes.Name} sizes; load average {loadAtStart}; {python.Describe()}");
            var context = new BenchContext(sizes, dataFolder, work, python);
            var shared = MnistFiles.Find(BenchData.MnistFolder(dataFolder), "train");
            var sharedTest = MnistFiles.Find(BenchData.MnistFolder(dataFolder), "t10k");
            var test = sizes.MnistTestRows is { } testRows ? sharedTest.WriteCycled(Path.Combine(work, "mnist-test"), "t10k", testRows) : sharedTest;
            var real = sizes.MnistRealRows is { } realRows ? shared.WriteCycled(Path.Combine(work, "mnist-real"), "train", realRows) : shared;
            var large = shared.WriteCycled(Path.Combine(work, "mnist-large"), "train", sizes.MnistLargeRows);
            var imdbData = sizes.ImdbRows is { } imdbRows
                ? ImdbSample.Write(BenchData.ImdbArchive(dataFolder), imdbRows, Path.Combine(work, "imdb-sample.csv"))
                : BenchData.ImdbArchive(dataFolder);

            var mnist = new MnistTraining(context);
            var sections = new BenchSections(
                mnist.Run($"real MNIST, {Figures.Count(RowCount(real))} rows", real, test, threads: null),
                mnist.Run($"{Figures.Count(sizes.MnistLargeRows)} rows (the real images repeated)", large, test, threads: null),
                new ImdbTraining(context).Run(imdbData),
                new InferenceBenchmark(context).Run(real, test, threads: null, withBaselines: true),
                new ThreadsStudy(context).Run(real, test),
                new TransformsBenchmark(context).Run(imdbData),
                new OnnxExportBenchmark(context).Run());
            var results = sections.Results(machine, sizes, loadAtStart, BenchMachine.LoadAverage(), CpuActivity.Sample().OthersShareSince(cpuAtStart), context.Failures);
            var document = ResultsReport.Write(results, sections, sizes, started, DateTime.UtcNow);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, document);
            Console.WriteLine($"Wrote {output}; other processes used {results.OtherProcessesCpuShare:P0} of the CPU meanwhile.");
            if (arguments.Optional("json") is { } json)
            {
                File.WriteAllText(json, JsonSerializer.Serialize(results, new JsonSerializerOptions(ChildProcess.Json) { WriteIndented = true }));
                Console.WriteLine($"Wrote {json}");
            }

            foreach (var failure in context.Failures)
            {
                Console.Error.WriteLine($"FAILED: {failure}");
            }

            return context.Failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int RowCount(MnistFiles files) => IdxPayload.Read(files.Labels, headerLength: 8).Length;
}
