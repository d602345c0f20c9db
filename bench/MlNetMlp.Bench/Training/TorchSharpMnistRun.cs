using System.Diagnostics;
using MlNetMlp.Bench.Data;
using MlNetMlp.Bench.Harness;
using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Bench.Training;

/// <summary>
/// Peer (b): the same training written directly against TorchSharp, as PyTorch users write it: the images in one
/// tensor, rows picked by a shuffled index per batch, torch's own RMSprop and cross-entropy. It is the floor for any
/// TorchSharp trainer, so the gap between it and MlNetMlp is the cost of the ML.NET side (cursor, cache, batch
/// filling, Keras's loss and metric bookkeeping).
/// </summary>
internal static class TorchSharpMnistRun
{
    public static TrainingMeasurement Measure(BenchArguments arguments)
    {
        TorchRuntime.EnsureStarted();
        if (arguments.OptionalInteger("threads") is { } threads)
        {
            torch.set_num_threads(threads);
        }

        var epochs = arguments.Integer("epochs");
        var batchSize = arguments.Integer("batch");
        torch.manual_seed(1);
        var clock = Stopwatch.StartNew();
        var (x, y) = Load(MnistFiles.Find(arguments.Text("train-folder"), "train"));
        var prepareSeconds = clock.Elapsed.TotalSeconds;
        var rows = (int)x.shape[0];
        using var hidden = nn.Linear(784, 512);
        using var output = nn.Linear(512, 10);
        using var optimizer = torch.optim.RMSProp([.. hidden.parameters(), .. output.parameters()], 1e-3, 0.9, 1e-7);
        var seconds = new List<double>();
        var meanLoss = 0.0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            clock.Restart();
            var lossSum = 0.0;
            using var order = torch.randperm(rows);
            for (var first = 0; first < rows; first += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var batch = order.narrow(0, first, Math.Min(batchSize, rows - first));
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(output.forward(hidden.forward(x.index_select(0, batch)).relu()), y.index_select(0, batch));
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * (double)batch.shape[0];
            }

            seconds.Add(clock.Elapsed.TotalSeconds);
            meanLoss = lossSum / rows;
            Console.Error.WriteLine($"TorchSharp epoch {epoch}: {seconds[^1]:F3} s");
        }

        var peak = ProcessMemory.PeakResidentMb();
        var (testX, testY) = Load(MnistFiles.Find(arguments.Text("test-folder"), "t10k"));
        double accuracy;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            accuracy = output.forward(hidden.forward(testX).relu()).argmax(1).eq(testY).to(ScalarType.Float64).mean().item<double>();
        }

        return new TrainingMeasurement("TorchSharp", typeof(torch).Assembly.GetName().Version!.ToString(3), torch.get_num_threads(), rows, [.. seconds], peak, prepareSeconds, meanLoss, TestAccuracy: accuracy);
    }

    /// <summary>The images as one float tensor scaled to [0, 1] and the labels as class indices.</summary>
    private static (Tensor Images, Tensor Labels) Load(MnistFiles files)
    {
        var images = IdxPayload.Read(files.Images, headerLength: 16);
        var labels = IdxPayload.Read(files.Labels, headerLength: 8);
        using var bytes = torch.tensor(images, [labels.Length, 784]);
        return (bytes.to_type(ScalarType.Float32).div_(255), torch.tensor(labels.Select(l => (long)l).ToArray()));
    }
}
