using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp;
using MlNetMlp.Datasets;
using MlNetMlp.Samples;
using MlNetMlp.Transforms;

// The four MlNetMlp transforms on a small slice of the real data: MNIST digits become scaled pixel
// vectors and one-hot labels; IMDb reviews become Keras-numbered word sequences and sparse multi-hot vectors.
var dataFolder = SharedDataFolder.Locate(
    args,
    Path.Combine("mnist", "train-images-idx3-ubyte.gz"),
    Path.Combine("mnist", "train-labels-idx1-ubyte.gz"),
    Path.Combine("imdb", "aclImdb.tar.gz"));
if (dataFolder is null)
{
    return 1;
}

var mlContext = new MLContext(seed: 1);
ShowDigits(mlContext, Path.Combine(dataFolder, "mnist"));
ShowReviews(mlContext, Path.Combine(dataFolder, "imdb", "aclImdb.tar.gz"));
return 0;

static void ShowDigits(MLContext mlContext, string mnistFolder)
{
    const int count = 1000;
    var data = mlContext.Data.TakeRows(MnistDataset.LoadFolder(mnistFolder, DataSplit.Train), count);

    var model = mlContext.Transforms.NormalizePixels("Features", "Pixels", standardize: true)
        .Append(mlContext.Transforms.OneHotLabels("Target", "Label"))
        .Fit(data);
    var output = model.Transform(data);

    Console.WriteLine($"MNIST: {count} real training digits, pixels {data.Schema["Pixels"].Type} -> Features {output.Schema["Features"].Type}");
    var pixels = model.OfType<NormalizePixelsTransformer>().Single().Statistics!;
    Console.WriteLine($"  standardized with the learned pixel mean {pixels.Mean:F4} and standard deviation {pixels.StandardDeviation:F4}");
    var oneHot = model.LastTransformer;
    var labels = output.GetColumn<uint>("Label").Take(3).ToList();
    var targets = output.GetColumn<VBuffer<float>>("Target").Take(3).Select(v => v.DenseValues().ToArray()).ToList();
    for (var i = 0; i < targets.Count; i++)
    {
        var position = Array.IndexOf(targets[i], 1f);
        Console.WriteLine($"  digit {labels[i] - 1} (key {labels[i]}) -> [{string.Join(",", targets[i])}] -> position {position} -> key {oneHot.GetClass(position)}, named {oneHot.ClassNames[position]}");
    }

    Console.WriteLine($"  slot names of Target: {string.Join(" ", oneHot.ClassNames)}");
}

static void ShowReviews(MLContext mlContext, string archive)
{
    const int count = 1000;
    var data = mlContext.Data.TakeRows(ImdbDataset.LoadArchive(archive, DataSplit.Train), count);

    var model = mlContext.Transforms.WordIndex("Sequence", "Text")
        .Append(mlContext.Transforms.VectorizeSequences("Features", "Sequence"))
        .Fit(data);
    var output = model.Transform(data);
    var words = model.OfType<WordIndexTransformer>().Single();

    Console.WriteLine();
    Console.WriteLine($"IMDb: the first {count} real training reviews of the archive, vocabulary of {words.Words.Count} words (numWords {words.Convention.NumWords})");
    Console.WriteLine($"  most frequent: {string.Join(", ", words.Words.Take(10).Select(w => $"{w}={words.WordToIndex[w]}"))}");
    var sequence = output.GetColumn<VBuffer<int>>("Sequence").First().DenseValues().ToArray();
    var features = output.GetColumn<VBuffer<float>>("Features").First();
    var text = output.GetColumn<string>("Text").First();
    var positive = output.GetColumn<bool>("Label").First();
    Console.WriteLine($"  review 0 ({(positive ? "positive" : "negative")}): \"{Shorten(text, 120)}\"");
    Console.WriteLine($"  as {sequence.Length} indices: [{string.Join(",", sequence.Take(20))}, ...]");
    Console.WriteLine($"  decoded: \"{Shorten(words.Decode(sequence), 120)}\"");
    Console.WriteLine($"  multi-hot: {output.Schema["Features"].Type}, stored sparse with {features.GetValues().Length} nonzeros " +
        $"at [{string.Join(",", features.GetIndices()[..10].ToArray())}, ...]");
}

static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "...";
