using MlNetMlp.Bench.Data;
using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Inference;

/// <summary>
/// Scoring the MNIST model: single-row <c>PredictionEngine</c> latency and batch <c>Transform</c> rows/s of the MLP, a
/// plain TorchSharp forward pass on the same weights, L-BFGS maximum entropy and FastTree, and PyTorch on the same weights.
/// </summary>
internal sealed class InferenceBenchmark(BenchContext context)
{
    /// <summary>Scores with the given torch thread count (null: libtorch's default); <paramref name="withBaselines"/> adds ML.NET's trainers.</summary>
    public IReadOnlyList<(string Scorer, Outcome<ScoringMeasurement> Outcome)> Run(MnistFiles train, MnistFiles test, int? threads, bool withBaselines)
    {
        var sizes = context.Sizes;
        var weights = Path.Combine(context.WorkFolder, $"mnist-weights-{threads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}.bin");
        List<(string, object)> options =
        [
            ("train-folder", train.Folder), ("test-folder", test.Folder), ("epochs", sizes.ScoringEpochs),
            ("single-rows", sizes.SingleRows), ("passes", sizes.Passes), ("fasttree-trees", sizes.FastTreeTrees), ("weights-out", weights),
        ];
        if (threads is { } count)
        {
            options.Add(("threads", count));
        }

        if (!withBaselines)
        {
            options.Add(("without-baselines", "true"));
        }

        Console.WriteLine($"Inference, threads {threads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}:");
        const string ours = "MlNetMlp, TorchSharp and ML.NET scorers";
        var measured = context.Measure<ScoringMeasurements>(ours, Measurements.Scoring, options);
        if (measured.Value is not { } scorers)
        {
            return [(ours, new Outcome<ScoringMeasurement>(null, measured.Problem, measured.Failed))];
        }

        var pyTorch = context.RunPython<ScoringMeasurement>("PyTorch scoring", "pytorch_inference.py", ["numpy", "torch"],
            [weights, test.Images, test.Labels, sizes.SingleRows, 1024, sizes.Passes], threads ?? scorers.Scorers[0].Threads);
        return [.. scorers.Scorers.Select(s => (s.Scorer, new Outcome<ScoringMeasurement>(s, null, false))), ("PyTorch", pyTorch)];
    }

    public static void Write(MarkdownDocument document, IEnumerable<(string Scorer, Outcome<ScoringMeasurement> Outcome)> scorers) =>
        document.Table(
            ["scorer", "threads", "single row: median µs", "p99 µs", "batch rows/s", "accuracy"],
            scorers.Select(scorer => scorer.Outcome.Value is { } s
                ? (IReadOnlyList<string>)[s.Scorer, s.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture), Figures.Microseconds(s.SingleRowMedianMicroseconds),
                    Figures.Microseconds(s.SingleRowP99Microseconds), Figures.Rate(s.BatchRowsPerSecond), Figures.Fraction(s.Accuracy)]
                : [scorer.Scorer, "-", $"not measured: {scorer.Outcome.Problem}", "-", "-", "-"]));
}
