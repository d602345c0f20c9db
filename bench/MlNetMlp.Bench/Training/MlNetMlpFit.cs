using System.Diagnostics;
using Microsoft.ML;
using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Training;

/// <summary>
/// Peer (a)'s training, whatever the recipe: the recipe's MLP options get the benchmark's batch size, seed and thread
/// count and report each epoch; the recipe is fitted on the reader's <see cref="IDataView"/> as an application would,
/// and the process's peak memory is taken right after.
/// </summary>
internal sealed class MlNetMlpFit
{
    private readonly List<double> _epochSeconds;
    private readonly double _fitSeconds;
    private readonly double _peakRssMb;

    private MlNetMlpFit(ITransformer model, List<double> epochSeconds, double fitSeconds, double peakRssMb)
    {
        Model = model;
        Mlp = ((IEnumerable<ITransformer>)model).OfType<MlpTransformer>().Single().Model;
        _epochSeconds = epochSeconds;
        _fitSeconds = fitSeconds;
        _peakRssMb = peakRssMb;
    }

    public ITransformer Model { get; }

    public MlpModel Mlp { get; }

    public static MlNetMlpFit Run(MlpOptions options, BenchArguments arguments, Func<MlpOptions, IEstimator<ITransformer>> recipe, IDataView train)
    {
        var epochs = new List<double>();
        options.BatchSize = arguments.Integer("batch");
        options.Seed = 1;
        options.NumberOfThreads = arguments.OptionalInteger("threads");
        options.Progress = epoch =>
        {
            epochs.Add(epoch.WallTime.TotalSeconds);
            Console.Error.WriteLine($"MlNetMlp epoch {epoch.Epoch}: {epoch.WallTime.TotalSeconds:F3} s, RSS {ProcessMemory.ResidentMb():F0} MB");
        };
        var clock = Stopwatch.StartNew();
        var model = recipe(options).Fit(train);
        return new MlNetMlpFit(model, epochs, clock.Elapsed.TotalSeconds, ProcessMemory.PeakResidentMb());
    }

    public TrainingMeasurement Measurement(int rows, double? testAccuracy = null, double? trainingAccuracy = null) => new(
        "MlNetMlp",
        typeof(MlpTransformer).Assembly.GetName().Version!.ToString(3),
        TorchRuntime.Describe().TorchThreads,
        rows,
        [.. _epochSeconds],
        _peakRssMb,
        _fitSeconds - _epochSeconds.Sum(),
        Mlp.History[^1].TrainingLoss,
        testAccuracy,
        trainingAccuracy);
}
