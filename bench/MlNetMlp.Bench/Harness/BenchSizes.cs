namespace MlNetMlp.Bench.Harness;

/// <summary>How much each benchmark does: the full run that produces bench/RESULTS.md, or the quick run the tests use.</summary>
/// <param name="Name">"full" or "quick".</param>
/// <param name="MnistRealRows">Rows of the real MNIST training file to use; null for all of them (10,000).</param>
/// <param name="MnistTestRows">Rows of the real MNIST test file to test and score on; null for all of them (10,000).</param>
/// <param name="MnistLargeRows">Rows of the large MNIST-shaped set (the real images repeated).</param>
/// <param name="MnistEpochs">Training epochs; the figures are over epochs 2..N.</param>
/// <param name="ImdbRows">IMDb training reviews (half of each class); null for all 25,000.</param>
/// <param name="ImdbEpochs">IMDb training epochs.</param>
/// <param name="ScoringEpochs">Epochs of the MLP the inference benchmark scores with.</param>
/// <param name="SingleRows">Rows predicted one at a time for the latency figures.</param>
/// <param name="Passes">Timed passes of batch scoring and of the transforms.</param>
/// <param name="FastTreeTrees">Trees per class of the FastTree baseline (ML.NET's default is 100).</param>
/// <param name="EveryThreadCondition">
/// Whether the thread study measures every thread count both on the machine as it is and with one core kept busy; a
/// quick run measures one thread as it is and all cores with one busy, which goes through the same code in half the time.
/// </param>
/// <param name="OnnxRows">Rows of each data set the ONNX export benchmark trains and scores on; null for all of them.</param>
/// <param name="Timeout">How long one measurement process may take before the harness stops it.</param>
internal sealed record BenchSizes(
    string Name,
    int? MnistRealRows,
    int? MnistTestRows,
    int MnistLargeRows,
    int MnistEpochs,
    int? ImdbRows,
    int ImdbEpochs,
    int ScoringEpochs,
    int SingleRows,
    int Passes,
    int FastTreeTrees,
    bool EveryThreadCondition,
    int? OnnxRows,
    TimeSpan Timeout)
{
    public const int MnistBatchSize = 128;
    public const int ImdbBatchSize = 512;
    public const int ImdbDimension = 10_000;

    public static BenchSizes Full { get; } = new("full", null, null, 60_000, 6, null, 6, 5, 2_000, 5, 100, EveryThreadCondition: true, OnnxRows: null, TimeSpan.FromMinutes(30));

    public static BenchSizes Quick { get; } = new("quick", 1_000, 1_000, 2_000, 2, 400, 2, 2, 100, 1, 5, EveryThreadCondition: false, OnnxRows: 400, TimeSpan.FromMinutes(5));
}
