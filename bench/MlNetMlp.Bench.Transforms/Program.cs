using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MlNetMlp;
using MlNetMlp.Bench;
using MlNetMlp.Datasets;
using MlNetMlp.Samples;

// WordIndex + VectorizeSequences over all 25,000 IMDb training reviews. Each VectorizeSequences pass is
// measured in CPU seconds and peak resident memory beside two peers in the same run: the dense
// float[rows x 10,000] matrix that Keras' vectorize_sequences builds (numpy.zeros + results[i, seq] = 1),
// and ML.NET's own bag of words over the same sequences (MapValueToKey + ProduceNgrams of length 1).
const int Dimension = 10_000;
const int Passes = 5;
const int PeerPasses = 3;

var dataFolder = SharedDataFolder.Locate(args, Path.Combine("imdb", "aclImdb.tar.gz"));
if (dataFolder is null)
{
    return 1;
}

var mlContext = new MLContext(seed: 1);
var cpu = ProcessMeter.CpuSeconds();
// Read once into memory so the timed passes below measure the transforms, not the archive's decompression.
var reviews = mlContext.Data.CreateEnumerable<Review>(ImdbDataset.LoadArchive(Path.Combine(dataFolder, "imdb", "aclImdb.tar.gz"), DataSplit.Train), reuseRowObject: false).ToList();
Console.WriteLine($"Read {reviews.Count:N0} training reviews from the archive in {ProcessMeter.CpuSeconds() - cpu:F2} s CPU.");
var texts = mlContext.Data.LoadFromEnumerable(reviews);

cpu = ProcessMeter.CpuSeconds();
var wordIndex = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: Dimension).Fit(texts);
Console.WriteLine($"WordIndex Fit (count words, keep {wordIndex.Words.Count:N0}): {ProcessMeter.CpuSeconds() - cpu:F2} s CPU.");

cpu = ProcessMeter.CpuSeconds();
var sequences = wordIndex.Transform(texts).GetColumn<VBuffer<int>>("Sequence").Select(s => new Sequence { Indices = s.DenseValues().ToArray() }).ToList();
Console.WriteLine($"WordIndex pass (text to {sequences.Sum(s => (long)s.Indices.Length):N0} indices): {ProcessMeter.CpuSeconds() - cpu:F2} s CPU.");

var sequenceData = mlContext.Data.LoadFromEnumerable(sequences);
var vectorized = mlContext.Transforms.VectorizeSequences("Features", "Indices", dimension: Dimension).Fit(sequenceData).Transform(sequenceData);
var mlNetBag = mlContext.Transforms.Conversion.MapValueToKey("Keys", "Indices", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
    .Append(mlContext.Transforms.Text.ProduceNgrams("Features", "Keys", ngramLength: 1, useAllLengths: false, maximumNgramsCount: Dimension))
    .Fit(sequenceData).Transform(sequenceData);

Console.WriteLine();
Console.WriteLine($"VectorizeSequences over {sequences.Count:N0} rows x {Dimension:N0} slots, {Passes} passes; peers, {PeerPasses} passes:");
var peakResettable = Measure("VectorizeSequences (sparse VBuffer)", Passes, () => CountSparseNonzeros(vectorized));
Measure("ML.NET MapValueToKey + ProduceNgrams", PeerPasses, () => CountSparseNonzeros(mlNetBag));
Measure("dense float[rows x dimension] peer", PeerPasses, () => CountDenseNonzeros(sequences));
if (!peakResettable)
{
    Console.WriteLine("(This OS does not allow resetting the peak resident set: each peak includes the phases before it.)");
}

return 0;

// Runs a pass several times; prints CPU seconds per pass, the managed bytes allocated per pass, the peak resident set
// during the passes and the result (the number of nonzeros, which must agree between the two implementations).
static bool Measure(string name, int passes, Func<long> pass)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var resettable = ProcessMeter.ResetPeak();
    var before = ProcessMeter.CurrentMiB();
    var seconds = new List<double>();
    long nonzeros = 0;
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    for (var i = 0; i < passes; i++)
    {
        var cpu = ProcessMeter.CpuSeconds();
        nonzeros = pass();
        seconds.Add(ProcessMeter.CpuSeconds() - cpu);
    }

    var allocatedPerPass = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / passes / (1024.0 * 1024.0);
    Console.WriteLine($"  {name,-38} CPU s/pass: median {seconds.Order().ElementAt(passes / 2):F3} (all: {string.Join(" ", seconds.Select(s => s.ToString("F3")))})");
    Console.WriteLine($"  {string.Empty,-38} allocated/pass {allocatedPerPass:N1} MiB, resident before {before:N0} MiB, peak during {ProcessMeter.PeakMiB():N0} MiB, nonzeros {nonzeros:N0}");
    return resettable;
}

static long CountSparseNonzeros(IDataView vectorized)
{
    var column = vectorized.Schema["Features"];
    using var cursor = vectorized.GetRowCursor([column]);
    var getter = cursor.GetGetter<VBuffer<float>>(column);
    var features = default(VBuffer<float>);
    long nonzeros = 0;
    while (cursor.MoveNext())
    {
        getter(ref features);
        nonzeros += features.GetValues().Length;
    }

    return nonzeros;
}

static long CountDenseNonzeros(List<Sequence> sequences)
{
    var dense = new float[sequences.Count * Dimension];
    for (var row = 0; row < sequences.Count; row++)
    {
        foreach (var index in sequences[row].Indices)
        {
            dense[(row * Dimension) + index] = 1f;
        }
    }

    long nonzeros = 0;
    foreach (var value in dense)
    {
        nonzeros += value != 0 ? 1 : 0;
    }

    return nonzeros;
}

/// <summary>One review's text.</summary>
internal sealed class Review
{
    public string Text { get; set; } = "";
}

/// <summary>One review's word indices.</summary>
internal sealed class Sequence
{
    public int[] Indices { get; set; } = [];
}
