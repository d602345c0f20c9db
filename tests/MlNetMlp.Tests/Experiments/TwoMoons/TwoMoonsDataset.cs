using Microsoft.ML;
using MlNetMlp.Experiments;

namespace MlNetMlp.Tests.Experiments.TwoMoons;

/// <summary>
/// A fourth data set, to show what adding one takes: this one class and one registration. Two interleaved half-moons of
/// points (scikit-learn's <c>make_moons</c>), a binary label, noise 0.15: no straight line separates them, a small MLP or
/// a tree ensemble does. Generated from the seed; the path is ignored.
/// </summary>
internal sealed class TwoMoonsDataset : Dataset
{
    public override string Name => "two-moons";

    public override string DisplayName => "Two moons";

    public override ComparisonTask Task => ComparisonTask.Binary;

    public override string PathDescription => "nothing: the points are generated";

    public override string InputDescription => "nothing: the points are generated";

    public override string LabelColumnName => "Label";

    public override string ModelInputDescription => "X and Y columns";

    public override IReadOnlyList<Candidate> Baselines { get; } =
        [.. BaselineCandidates.Binary("X").Where(candidate => candidate.Input == CandidateInput.Prepared)];

    public override LoadedData Load(MLContext mlContext, DataRequest request) =>
        Loaded(mlContext, Points(mlContext, 600, request.Seed), Points(mlContext, 400, request.Seed + 1), $"make_moons, noise 0.15, seed {request.Seed}", request);

    public override IDataView LoadTest(MLContext mlContext, string path) => Points(mlContext, 400, 2);

    public override IEstimator<ITransformer> Preparation(MLContext mlContext) => mlContext.Transforms.Concatenate("Features", "X", "Y");

    public override MlpOptions CreateNetwork(int? epochs = null) =>
        new() { Layers = [MlpLayer.Dense(16, MlpActivation.Tanh), MlpLayer.Dense(16, MlpActivation.Tanh)], Optimizer = MlpOptimizer.Adam, LearningRate = 0.01f, Epochs = epochs ?? 60 };

    public override MlpOptions CreateUncertaintyNetwork(int? epochs, int seed)
    {
        var network = CreateNetwork(epochs);
        network.Layers = [MlpLayer.Dense(16, MlpActivation.Tanh), MlpLayer.Dropout(0.2f), MlpLayer.Dense(16, MlpActivation.Tanh)];
        network.Seed = seed;
        return network;
    }

    public override bool IsInputOf(IReadOnlyCollection<string> inputColumns) => inputColumns.Contains("X") && inputColumns.Contains("Y");

    public override PredictionInput ReadPredictionInput(MLContext mlContext, string? input) => new(Points(mlContext, 5, 3));

    private static IDataView Points(MLContext mlContext, int count, int seed)
    {
        var random = new Random(seed);
        return mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(i =>
        {
            var upper = i % 2 == 0;
            var angle = Math.PI * random.NextDouble();
            var (x, y) = upper ? (Math.Cos(angle), Math.Sin(angle)) : (1 - Math.Cos(angle), 0.5 - Math.Sin(angle));
            return new Point { X = (float)(x + 0.15 * Gaussian(random)), Y = (float)(y + 0.15 * Gaussian(random)), Label = upper };
        }).ToList());
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class Point
    {
        public float X { get; set; }

        public float Y { get; set; }

        public bool Label { get; set; }
    }
}
