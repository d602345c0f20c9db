using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace MlNetMlp.Bench;

/// <summary>
/// Times an exported model in ONNX Runtime as a service would call it: one session, one input tensor per call, every
/// output read. Single rows go through a [1, width] tensor, batches through [rows, width] tensors of
/// <see cref="BatchRows"/> rows; the first passes warm up.
/// </summary>
internal sealed class OnnxRuntimeScorer<T>(string modelPath, string inputName) : IDisposable
    where T : unmanaged
{
    public const int BatchRows = 1000;

    private readonly InferenceSession _session = new(modelPath);

    public string Description => $"ONNX Runtime {OrtEnv.Instance().GetVersionString()}";

    /// <summary>Single-row latencies in µs, then batch rates in rows/s, over <paramref name="rows"/> (padded per batch with <paramref name="padding"/>).</summary>
    public (List<double> Latencies, List<double> Rates) Measure(T[][] rows, int singleRows, int passes, T padding)
    {
        var latencies = new List<double>();
        for (var i = 0; i < WarmUp + singleRows; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Score(rows, i % rows.Length, 1, padding);
            if (i >= WarmUp)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        var rates = new List<double>();
        for (var pass = 0; pass <= passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            for (var first = 0; first < rows.Length; first += BatchRows)
            {
                Score(rows, first, Math.Min(BatchRows, rows.Length - first), padding);
            }

            if (pass > 0)
            {
                rates.Add(rows.Length / clock.Elapsed.TotalSeconds);
            }
        }

        return (latencies, rates);
    }

    /// <summary>Scores rows [first, first + count) and returns the outputs by name, without ".output".</summary>
    public Dictionary<string, float[]> Outputs(T[][] rows, int first, int count, T padding)
    {
        using var results = Run(rows, first, count, padding);
        return results.ToDictionary(
            r => r.Name.Replace(".output", string.Empty, StringComparison.Ordinal),
            r => r.Value switch
            {
                Microsoft.ML.OnnxRuntime.Tensors.Tensor<float> t => t.ToArray(),
                Microsoft.ML.OnnxRuntime.Tensors.Tensor<uint> t => [.. t.ToArray().Select(v => (float)v)],
                Microsoft.ML.OnnxRuntime.Tensors.Tensor<bool> t => [.. t.ToArray().Select(v => v ? 1f : 0f)],
                _ => [],
            });
    }

    public void Dispose() => _session.Dispose();

    private const int WarmUp = 200;

    private void Score(T[][] rows, int first, int count, T padding)
    {
        using var results = Run(rows, first, count, padding);
    }

    private IDisposableReadOnlyCollection<DisposableNamedOnnxValue> Run(T[][] rows, int first, int count, T padding)
    {
        var width = 1;
        for (var r = first; r < first + count; r++)
        {
            width = Math.Max(width, rows[r].Length);
        }

        var tensor = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<T>([count, width]);
        var buffer = tensor.Buffer.Span;
        buffer.Fill(padding);
        for (var r = 0; r < count; r++)
        {
            rows[first + r].CopyTo(buffer.Slice(r * width, rows[first + r].Length));
        }

        return _session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
    }
}
