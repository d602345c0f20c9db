using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp;
using MlNetMlp.Bench;
using MlNetMlp.Datasets;
using MlNetMlp.Pipelines;
using MlNetMlp.Samples;
using MlNetMlp.Transforms;

// The course's two models exported with mlContext.Model.ConvertToOnnx and scored in ONNX Runtime beside the ML.NET
// transformers they came from, in the same process: single-row latency (median, p99) and batch rows/s, with the
// agreement of the two on the real test sets and the size of each file. bench/MlNetMlp.Bench runs it as part of the one
// benchmark command and puts its tables into bench/RESULTS.md; "rows" (a quick run) trains and scores on at most that
// many rows of each data set.
// Usage: MlNetMlp.Bench.Onnx [data-folder] [single-rows] [passes] [rows]
var folder = SharedDataFolder.Locate(args, "mnist/train-images-idx3-ubyte.gz", "imdb/aclImdb.tar.gz");
if (folder is null)
{
    return 2;
}

var singleRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
var passes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
int? rows = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
var work = Directory.CreateTempSubdirectory("mlnetmlp-onnx-bench-").FullName;
var mlContext = new MLContext(seed: 1);
Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; " +
    $"{singleRows:N0} single rows after warming up (200 rows for ONNX Runtime, one second of rows for the .NET transformers, whose code the runtime optimizes as it runs), median of {passes} batch passes (ONNX Runtime in batches of {OnnxRuntimeScorer<byte>.BatchRows:N0} rows).");

try
{
    Mnist();
    Imdb();
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

void Mnist()
{
    var train = AtMost(MnistDataset.LoadFolder(Path.Combine(folder, "mnist"), DataSplit.Train), rows);
    var test = mlContext.Data.Cache(AtMost(MnistDataset.LoadFolder(Path.Combine(folder, "mnist"), DataSplit.Test), rows));
    var options = MnistPipeline.CreateMlpOptions(epochs: 3);
    options.Seed = 1;
    var model = MnistPipeline.Create(mlContext, options).Fit(train);
    var images = AtMost(MnistDataset.LoadImages(Path.Combine(folder, "mnist", MnistDataset.CanonicalFileNames(DataSplit.Test).Images)), rows);
    var path = Path.Combine(work, "mnist.onnx");
    using (var file = File.Create(path))
    {
        mlContext.Model.ConvertToOnnx(model, images, file, "Score", "PredictedLabel");
    }

    var pixels = mlContext.Data.CreateEnumerable<PixelsRow>(images, reuseRowObject: false).ToArray();
    var byteRows = pixels.Select(p => p.Pixels).ToArray();
    using var onnx = new OnnxRuntimeScorer<byte>(path, MnistPipeline.PixelsColumnName);
    var (mlLatencies, mlRates) = MlNetScorer.Measure<PixelsRow, DigitPrediction>(mlContext, model, pixels, test, ["Score", "PredictedLabel"], singleRows, passes);
    var (onnxLatencies, onnxRates) = onnx.Measure(byteRows, singleRows, passes, 0);

    var scored = model.Transform(test);
    var scores = scored.GetColumn<float[]>("Score").Select(s => (float[])s.Clone()).ToArray();
    var labels = scored.GetColumn<uint>("PredictedLabel").ToArray();
    var (largest, sameLabels) = Agreement(byteRows, onnx, (byte)0, scores, labels, 10);
    Report("MNIST 784-512-10 (NormalizePixels + MLP, bytes in)", path, byteRows.Length, largest, sameLabels,
        ScoringFigures.From("ML.NET transformer (managed MlNetMlp.Scoring)", mlLatencies, mlRates),
        ScoringFigures.From($"exported model in {onnx.Description}", onnxLatencies, onnxRates));
}

void Imdb()
{
    var archive = Path.Combine(folder, "imdb", "aclImdb.tar.gz");
    var train = AtMost(mlContext.Data.ShuffleRows(ImdbDataset.LoadArchive(archive, DataSplit.Train), seed: 1, shufflePoolSize: 25_000), rows);
    var test = mlContext.Data.Cache(AtMost(mlContext.Data.ShuffleRows(ImdbDataset.LoadArchive(archive, DataSplit.Test), seed: 2, shufflePoolSize: 25_000), Math.Min(5000, rows ?? 5000)));
    var options = ImdbPipeline.CreateMlpOptions();
    options.Seed = 1;
    var model = ImdbPipeline.Create(mlContext, options).Fit(train);
    var steps = model.Steps().ToList();
    var wordIndex = (WordIndexTransformer)steps[0];
    var fromWordIndices = new TransformerChain<ITransformer>([.. steps.Skip(1)]);
    var path = Path.Combine(work, "imdb.onnx");
    using (var file = File.Create(path))
    {
        mlContext.Model.ConvertToOnnx(fromWordIndices, mlContext.Data.LoadFromEnumerable(new List<WordIndicesRow>()), file, "Score", "Probability", "PredictedLabel");
    }

    var indexed = mlContext.Data.Cache(wordIndex.Transform(test));
    var sequences = mlContext.Data.CreateEnumerable<WordIndicesRow>(indexed, reuseRowObject: false).ToArray();
    var intRows = sequences.Select(s => s.WordIndices).ToArray();
    using var onnx = new OnnxRuntimeScorer<int>(path, ImdbPipeline.WordIndicesColumnName);
    var (mlLatencies, mlRates) = MlNetScorer.Measure<WordIndicesRow, ReviewPrediction>(mlContext, fromWordIndices, sequences, indexed, ["Score", "Probability", "PredictedLabel"], singleRows, passes);
    var (onnxLatencies, onnxRates) = onnx.Measure(intRows, singleRows, passes, -1);

    var scored = fromWordIndices.Transform(indexed);
    var probabilities = scored.GetColumn<float>("Probability").Select(p => new[] { p }).ToArray();
    var labels = scored.GetColumn<bool>("PredictedLabel").Select(b => b ? 1u : 0u).ToArray();
    var (largest, sameLabels) = Agreement(intRows, onnx, -1, probabilities, labels, 1, scoreColumn: "Probability");
    Report("IMDb 10000-16-16-1 from the word indices (VectorizeSequences + MLP; WordIndex does not export)", path, intRows.Length, largest, sameLabels,
        ScoringFigures.From("ML.NET transformers (managed MlNetMlp.Scoring)", mlLatencies, mlRates),
        ScoringFigures.From($"exported model in {onnx.Description}", onnxLatencies, onnxRates));
}

(double Largest, int SameLabels) Agreement<T>(T[][] rows, OnnxRuntimeScorer<T> onnx, T padding, float[][] scores, uint[] labels, int width, string scoreColumn = "Score")
    where T : unmanaged
{
    var largest = 0d;
    var same = 0;
    for (var first = 0; first < rows.Length; first += OnnxRuntimeScorer<T>.BatchRows)
    {
        var count = Math.Min(OnnxRuntimeScorer<T>.BatchRows, rows.Length - first);
        var outputs = onnx.Outputs(rows, first, count, padding);
        for (var r = 0; r < count; r++)
        {
            for (var k = 0; k < width; k++)
            {
                largest = Math.Max(largest, Math.Abs(scores[first + r][k] - outputs[scoreColumn][r * width + k]));
            }

            same += outputs["PredictedLabel"][r] == labels[first + r] ? 1 : 0;
        }
    }

    return (largest, same);
}

static void Report(string title, string path, int rows, double largest, int sameLabels, ScoringFigures ours, ScoringFigures onnx)
{
    Console.WriteLine();
    Console.WriteLine($"## {title}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ONNX file {new FileInfo(path).Length:N0} bytes; on {rows:N0} real test rows the largest score difference is {largest:E2} and {sameLabels:N0} of {rows:N0} predicted labels are the same."));
    Console.WriteLine(ScoringFigures.Header);
    Console.WriteLine(ours);
    Console.WriteLine(onnx);
}

IDataView AtMost(IDataView data, int? count) => count is { } limit ? mlContext.Data.TakeRows(data, limit) : data;


internal sealed class PixelsRow
{
    [VectorType(784)]
    public byte[] Pixels { get; set; } = [];
}

internal sealed class DigitPrediction
{
    public float[] Score { get; set; } = [];

    public uint PredictedLabel { get; set; }
}

internal sealed class WordIndicesRow
{
    [VectorType]
    public int[] WordIndices { get; set; } = [];
}

internal sealed class ReviewPrediction
{
    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}
