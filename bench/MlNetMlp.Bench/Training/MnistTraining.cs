using MlNetMlp.Bench.Data;
using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Training;

/// <summary>
/// The MNIST-shaped training benchmark on one training set: 784-512-10, RMSprop, batch 128, (a) MlNetMlp, (b) a plain
/// TorchSharp loop, (c) PyTorch and (d) scikit-learn, each in its own process, the peers on (a)'s thread count.
/// </summary>
internal sealed class MnistTraining(BenchContext context)
{
    public const string MlNetMlp = "(a) MlNetMlp: mlContext.Mlp, Fit from the IDX reader's IDataView";
    public const string TorchSharp = "(b) TorchSharp loop on a preloaded tensor";
    public const string PyTorch = "(c) PyTorch";
    public const string ScikitLearn = "(d) scikit-learn MLPClassifier (Adam)";

    /// <summary>
    /// Trains every peer on <paramref name="train"/>; with <paramref name="threads"/> null MlNetMlp keeps its default and
    /// the peers get the thread count it reports. <paramref name="withScikitLearn"/> leaves out the slowest peer when false.
    /// </summary>
    public MnistTrainingResult Run(string title, MnistFiles train, MnistFiles test, int? threads, bool withScikitLearn = true)
    {
        var sizes = context.Sizes;
        Console.WriteLine($"MNIST-shaped training, {title}, threads {threads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}:");
        var common = new List<(string, object)> { ("train-folder", train.Folder), ("test-folder", test.Folder), ("epochs", sizes.MnistEpochs), ("batch", BenchSizes.MnistBatchSize) };
        var ours = context.Measure<TrainingMeasurement>($"{MlNetMlp}, {title}", Measurements.MnistMlNetMlp, threads is { } t ? [.. common, ("threads", t)] : common);
        var peerThreads = threads ?? ours.Value?.Threads ?? Environment.ProcessorCount;
        var torchSharp = context.Measure<TrainingMeasurement>($"{TorchSharp}, {title}", Measurements.MnistTorchSharp, [.. common, ("threads", peerThreads)]);
        object[] files = [train.Images, train.Labels, test.Images, test.Labels, sizes.MnistEpochs, BenchSizes.MnistBatchSize];
        var pyTorch = context.RunPython<TrainingMeasurement>($"{PyTorch}, {title}", "pytorch_mnist.py", ["numpy", "torch"], files, peerThreads);
        var scikitLearn = withScikitLearn
            ? context.RunPython<TrainingMeasurement>($"{ScikitLearn}, {title}", "sklearn_mnist.py", ["numpy", "sklearn", "threadpoolctl"], files, peerThreads)
            : null;
        return new MnistTrainingResult(title, ours, torchSharp, pyTorch, scikitLearn);
    }
}

/// <summary>The MNIST-shaped training figures of one training set.</summary>
internal sealed record MnistTrainingResult(
    string Title,
    Outcome<TrainingMeasurement> MlNetMlp,
    Outcome<TrainingMeasurement> TorchSharp,
    Outcome<TrainingMeasurement> PyTorch,
    Outcome<TrainingMeasurement>? ScikitLearn)
{
    public IEnumerable<(string Peer, Outcome<TrainingMeasurement> Outcome)> Runs()
    {
        yield return (MnistTraining.MlNetMlp, MlNetMlp);
        yield return (MnistTraining.TorchSharp, TorchSharp);
        yield return (MnistTraining.PyTorch, PyTorch);
        if (ScikitLearn is not null)
        {
            yield return (MnistTraining.ScikitLearn, ScikitLearn);
        }
    }

    /// <summary>The speed goals, and with <paramref name="withMemoryGoal"/> the memory goal, on this training set.</summary>
    public IEnumerable<Goal> Goals(bool withMemoryGoal)
    {
        yield return new Goal($"(a)/(b) seconds per epoch, {Title}", Goal.Ratio(TrainingTable.MedianEpoch(MlNetMlp), TrainingTable.MedianEpoch(TorchSharp)), 1.05);
        yield return new Goal($"(a)/(c) seconds per epoch, {Title}", Goal.Ratio(TrainingTable.MedianEpoch(MlNetMlp), TrainingTable.MedianEpoch(PyTorch)), 1.0);
        if (withMemoryGoal)
        {
            yield return new Goal($"(a)/(c) peak resident memory, {Title}", Goal.Ratio(TrainingTable.PeakRss(MlNetMlp), TrainingTable.PeakRss(PyTorch)), 1.3);
        }
    }
}
