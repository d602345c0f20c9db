using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp;
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
    var images = MnistIdxFile.ReadImages(Path.Combine(mnistFolder, "train-images-idx3-ubyte.gz"), count);
    var labels = MnistIdxFile.ReadLabels(Path.Combine(mnistFolder, "train-labels-idx1-ubyte.gz"), count);
    var data = mlContext.Data.LoadFromEnumerable(images.Zip(labels, (pixels, label) => new Digit { Pixels = pixels, Label = label }));

    var model = mlContext.Transforms.NormalizePixels("Features", "Pixels", standardize: true)
        .Append(mlContext.Transforms.OneHotLabels("Target", "Label"))
        .Fit(data);
    var output = model.Transform(data);

    Console.WriteLine($"MNIST: {count} real training digits, pixels {data.Schema["Pixels"].Type} -> Features {output.Schema["Features"].Type}");
    var pixels = model.OfType<NormalizePixelsTransformer>().Single().Statistics!;
    Console.WriteLine($"  standardized with the learned pixel mean {pixels.Mean:F4} and standard deviation {pixels.StandardDeviation:F4}");
    var oneHot = model.LastTransformer;
    var targets = output.GetColumn<VBuffer<float>>("Target").Take(3).Select(v => v.DenseValues().ToArray()).ToList();
    for (var i = 0; i < targets.Count; i++)
    {
        var position = Array.IndexOf(targets[i], 1f);
        Console.WriteLine($"  digit {labels[i]} -> [{string.Join(",", targets[i])}] -> position {position} -> label {oneHot.GetClass(position)}");
    }

    Console.WriteLine($"  slot names of Target: {string.Join(" ", oneHot.ClassNames)}");
}

static void ShowReviews(MLContext mlContext, string archive)
{
    const int perLabel = 500;
    var reviews = ImdbReviewArchive.Read(archive, "train", perLabel).Select(r => new Review { Text = r.Text, Positive = r.Positive }).ToList();
    var data = mlContext.Data.LoadFromEnumerable(reviews);

    var model = mlContext.Transforms.WordIndex("Sequence", "Text")
        .Append(mlContext.Transforms.VectorizeSequences("Features", "Sequence"))
        .Fit(data);
    var output = model.Transform(data);
    var words = model.OfType<WordIndexTransformer>().Single();

    Console.WriteLine();
    Console.WriteLine($"IMDb: {reviews.Count} real training reviews, vocabulary of {words.Words.Count} words (numWords {words.Convention.NumWords})");
    Console.WriteLine($"  most frequent: {string.Join(", ", words.Words.Take(10).Select(w => $"{w}={words.WordToIndex[w]}"))}");
    var sequence = output.GetColumn<VBuffer<int>>("Sequence").First().DenseValues().ToArray();
    var features = output.GetColumn<VBuffer<float>>("Features").First();
    Console.WriteLine($"  review 0 ({(reviews[0].Positive ? "positive" : "negative")}): \"{Shorten(reviews[0].Text, 120)}\"");
    Console.WriteLine($"  as {sequence.Length} indices: [{string.Join(",", sequence.Take(20))}, ...]");
    Console.WriteLine($"  decoded: \"{Shorten(words.Decode(sequence), 120)}\"");
    Console.WriteLine($"  multi-hot: {output.Schema["Features"].Type}, stored sparse with {features.GetValues().Length} nonzeros " +
        $"at [{string.Join(",", features.GetIndices()[..10].ToArray())}, ...]");
}

static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "...";

/// <summary>One MNIST image and its digit.</summary>
internal sealed class Digit
{
    [VectorType(28, 28)]
    public byte[] Pixels { get; set; } = [];

    public int Label { get; set; }
}

/// <summary>One IMDb review.</summary>
internal sealed class Review
{
    public string Text { get; set; } = "";

    public bool Positive { get; set; }
}
