using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// The same training written directly against TorchSharp: data in one tensor, rows picked by index per batch, torch's
/// own RMSprop and cross-entropy. It is the floor for any TorchSharp trainer in this process, so the gap between it
/// and MlNetMlp is the cost of the ML.NET side (cursor, cache, batch marshalling, Keras bookkeeping).
/// </summary>
internal static class RawTorchSharpPeer
{
    public static List<double> Run(IReadOnlyList<Digit> digits, int epochs, int batchSize)
    {
        torch.manual_seed(1);
        var pixels = digits.SelectMany(d => d.Features).ToArray();
        using var x = torch.tensor(pixels, [digits.Count, 784]);
        using var y = torch.tensor(digits.Select(d => (long)d.Class).ToArray());
        using var hidden = nn.Linear(784, 512);
        using var output = nn.Linear(512, 10);
        var parameters = hidden.parameters().Concat(output.parameters()).ToList();
        using var optimizer = torch.optim.RMSProp(parameters, 1e-3, 0.9, 1e-7);
        var seconds = new List<double>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            using var order = torch.randperm(digits.Count);
            for (var first = 0; first < digits.Count; first += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var rows = order.narrow(0, first, Math.Min(batchSize, digits.Count - first));
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(output.forward(hidden.forward(x.index_select(0, rows)).relu()), y.index_select(0, rows));
                loss.backward();
                optimizer.step();
            }

            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        return seconds;
    }
}
