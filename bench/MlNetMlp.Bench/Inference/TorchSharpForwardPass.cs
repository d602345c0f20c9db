using System.Diagnostics;
using MlNetMlp.Bench.Harness;
using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Bench.Inference;

/// <summary>
/// The MLP's weights run through a plain TorchSharp forward pass (Linear and relu, softmax at the end, eval mode, no
/// gradients) on rows already in one tensor: what the torch path costs without ML.NET's row-by-row plumbing.
/// </summary>
internal static class TorchSharpForwardPass
{
    private const int WarmUpRows = 200;
    private const int BatchRows = 1024;

    public static ScoringMeasurement Measure(IReadOnlyList<MlpDenseWeights> weights, DigitFeatures[] rows, int singleRows, int passes)
    {
        using var network = Build(weights);
        using var x = torch.tensor(rows.SelectMany(r => r.Features).ToArray(), [rows.Length, rows[0].Features.Length]);
        using var noGrad = torch.no_grad();
        var latencies = new List<double>();
        for (var i = 0; i < WarmUpRows + singleRows; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using (var scope = torch.NewDisposeScope())
            {
                network.forward(x.narrow(0, i % rows.Length, 1)).softmax(1).argmax(1).item<long>();
            }

            if (i >= WarmUpRows)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        var rates = new List<double>();
        var predicted = new long[rows.Length];
        for (var pass = 0; pass < passes + 1; pass++)
        {
            var clock = Stopwatch.StartNew();
            for (var first = 0; first < rows.Length; first += BatchRows)
            {
                using var scope = torch.NewDisposeScope();
                var count = Math.Min(BatchRows, rows.Length - first);
                network.forward(x.narrow(0, first, count)).softmax(1).argmax(1).data<long>().CopyTo(predicted, first);
            }

            if (pass > 0)
            {
                rates.Add(rows.Length / clock.Elapsed.TotalSeconds);
            }
        }

        var accuracy = rows.Zip(predicted).Average(p => p.First.Label == p.Second + 1 ? 1.0 : 0.0);
        var measurement = new ScoringMeasurement("TorchSharp forward pass, same weights (the torch path)", torch.get_num_threads(), Percentile.Median(latencies), Percentile.Of(latencies, 0.99), Percentile.Median(rates), accuracy);
        Console.Error.WriteLine($"{measurement.Scorer}: {measurement.SingleRowMedianMicroseconds:F1} µs per row, {measurement.BatchRowsPerSecond:N0} rows/s in batch, accuracy {accuracy:F4}");
        return measurement;
    }

    /// <summary>Linear layers with the given weights (kernels transposed to torch's units × inputs), relu between them.</summary>
    private static nn.Module<Tensor, Tensor> Build(IReadOnlyList<MlpDenseWeights> weights)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        using var noGrad = torch.no_grad();
        foreach (var dense in weights)
        {
            var linear = nn.Linear(dense.Inputs, dense.Units);
            var kernel = new float[dense.Units * dense.Inputs];
            for (var unit = 0; unit < dense.Units; unit++)
            {
                for (var input = 0; input < dense.Inputs; input++)
                {
                    kernel[(unit * dense.Inputs) + input] = dense.Kernel[input, unit];
                }
            }

            using var kernelValues = torch.tensor(kernel, [dense.Units, dense.Inputs]);
            using var biasValues = torch.tensor(dense.Bias);
            linear.weight!.copy_(kernelValues);
            linear.bias!.copy_(biasValues);
            layers.Add(linear);
            layers.Add(nn.ReLU());
        }

        layers.RemoveAt(layers.Count - 1);
        var network = nn.Sequential(layers);
        network.eval();
        return network;
    }
}
