using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Training;

/// <summary>
/// The IMDb-shaped training benchmark: 10,000-dim multi-hot -> 16 -> 16 -> 1, RMSprop, batch 512 on the real training
/// reviews; (a) MlNetMlp from the review text through WordIndex and VectorizeSequences, (c) PyTorch with the dense
/// rows x 10,000 tensor Keras would build from the same word indices.
/// </summary>
internal sealed class ImdbTraining(BenchContext context)
{
    public const string MlNetMlp = "(a) MlNetMlp: WordIndex, VectorizeSequences, mlContext.Mlp";
    public const string PyTorch = "(c) PyTorch, dense rows x 10,000 tensor";
    public const double MemoryGoalMb = 500;

    /// <summary>Trains on the reviews of <paramref name="data"/> (the archive, or a quick run's sample file).</summary>
    public ImdbTrainingResult Run(string data)
    {
        var sizes = context.Sizes;
        var sequences = Path.Combine(context.WorkFolder, "imdb-sequences.txt");
        Console.WriteLine($"IMDb-shaped training on {data}:");
        var ours = context.Measure<TrainingMeasurement>(MlNetMlp, Measurements.ImdbMlNetMlp,
            [("data", data), ("epochs", sizes.ImdbEpochs), ("batch", BenchSizes.ImdbBatchSize), ("sequences-out", sequences)]);
        var pyTorch = ours.Value is { } measured
            ? context.RunPython<TrainingMeasurement>(PyTorch, "pytorch_imdb.py", ["numpy", "torch"],
                [sequences, BenchSizes.ImdbDimension, sizes.ImdbEpochs, BenchSizes.ImdbBatchSize], measured.Threads)
            : Outcome<TrainingMeasurement>.Unavailable("needs the word-index sequences that (a) writes, and (a) failed");
        return new ImdbTrainingResult(ours, pyTorch);
    }
}

/// <summary>The IMDb-shaped training figures.</summary>
internal sealed record ImdbTrainingResult(Outcome<TrainingMeasurement> MlNetMlp, Outcome<TrainingMeasurement> PyTorch)
{
    public IEnumerable<(string Peer, Outcome<TrainingMeasurement> Outcome)> Runs() => [(ImdbTraining.MlNetMlp, MlNetMlp), (ImdbTraining.PyTorch, PyTorch)];

    public IEnumerable<Goal> Goals() =>
    [
        new Goal("(a) peak resident memory, MB", TrainingTable.PeakRss(MlNetMlp), ImdbTraining.MemoryGoalMb, "N0"),
        new Goal("(a)/(c) seconds per epoch", Goal.Ratio(TrainingTable.MedianEpoch(MlNetMlp), TrainingTable.MedianEpoch(PyTorch)), 1.0),
    ];
}
