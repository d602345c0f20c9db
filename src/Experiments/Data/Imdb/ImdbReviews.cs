using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments.Comparison;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments.Data.Imdb;

/// <summary>
/// IMDb's movie reviews, positive or negative. Read from the <c>aclImdb</c> folder, its <c>.tar.gz</c> or a CSV/TSV of
/// text and label, or, with no path, from the download cache (downloading it where there is a network); prepared by
/// <see cref="ImdbPipeline"/>; compared with ML.NET's binary trainers and its own text pipelines; predicted from text,
/// one review per line.
/// </summary>
internal sealed class ImdbReviews : Dataset
{
    public override string Name => "imdb";

    public override string DisplayName => "IMDb";

    public override ComparisonTask Task => ComparisonTask.Binary;

    public override string RowNoun => "reviews";

    public override string PathDescription => "the aclImdb folder, aclImdb_v1.tar.gz, or a CSV/TSV of text and label";

    public override string InputDescription => "a text file with one review per line, or - for standard input";

    public override string LabelColumnName => ImdbPipeline.LabelColumnName;

    // Built when asked for: a study that compares nothing (uncertainty, regularization) never loads the boosted trees.
    public override IReadOnlyList<Candidate> Baselines => BaselineCandidates.Binary(ImdbPipeline.TextColumnName);

    public override IReadOnlyList<Candidate> OptionalBaselines =>
        [OptionalCandidates.TorchSharpTextClassification(ImdbPipeline.TextColumnName, ImdbPipeline.LabelColumnName)];

    public override LoadedData Load(MLContext mlContext, DataRequest request)
    {
        if (request.Path is null)
        {
            var train = ImdbDownload.LoadAsync(DataSplit.Train, allowUnverified: true).GetAwaiter().GetResult();
            var test = ImdbDownload.LoadAsync(DataSplit.Test, allowUnverified: true).GetAwaiter().GetResult();
            return Loaded(mlContext, train, test, $"{ImdbDownload.Archive.Urls[0]} via the download cache {DataCache.Folder}", request);
        }

        return Loaded(mlContext, Reviews(request.Path, DataSplit.Train), Reviews(request.Path, DataSplit.Test),
            $"{Path.GetFullPath(request.Path)} (train/ to train, test/ to test)", request);
    }

    public override IDataView LoadTest(MLContext mlContext, string path) => Reviews(path, DataSplit.Test);

    public override IEstimator<ITransformer> Preparation(MLContext mlContext) => ImdbPipeline.Preparation(mlContext);

    public override MlpOptions CreateNetwork(int? epochs = null) => ImdbPipeline.CreateMlpOptions(epochs ?? ImdbPipeline.DefaultEpochs);

    public override MlpOptions CreateUncertaintyNetwork(int? epochs, int seed) => UncertaintyNetworks.Imdb(epochs ?? UncertaintyNetworks.ImdbEpochs, seed);

    public override string ModelInputDescription => $"a {ImdbPipeline.TextColumnName} column";

    public override string? ModelInputHint(IReadOnlyCollection<string> inputColumns) => inputColumns.Contains(ImdbPipeline.WordIndicesColumnName)
        ? "An IMDb model exported from its word indices on needs them computed by the WordIndex step of the .zip it came from."
        : null;

    public override bool IsInputOf(IReadOnlyCollection<string> inputColumns) => inputColumns.Contains(ImdbPipeline.TextColumnName);

    public override PredictionInput ReadPredictionInput(MLContext mlContext, string? input)
    {
        if (input is null)
        {
            throw new ArgumentException($"An IMDb model needs {InputDescription}.", nameof(input));
        }

        if (input != "-" && !File.Exists(input))
        {
            throw new FileNotFoundException($"Input '{input}' does not exist; expected {InputDescription}.", input);
        }

        using var stream = input == "-" ? Console.OpenStandardInput() : File.OpenRead(input);
        var reviews = ReviewLines.Read(stream, input == "-" ? "Standard input" : $"Input '{input}'");
        var rows = mlContext.Data.LoadFromEnumerable(reviews.Select(review => new ReviewRow { Text = review.Text }));
        return new PredictionInput(rows, [.. reviews.Select(review => $"line {review.Line}: {Excerpt(review.Text)}")]);
    }

    /// <summary>
    /// The first <paramref name="rows"/> rows after a seeded shuffle. The readers return negative reviews before positive
    /// ones, so a plain prefix would hold one class; the shuffle pool spans the whole part for that reason.
    /// </summary>
    protected override IDataView Subset(MLContext mlContext, IDataView data, int rows, int seed) =>
        mlContext.Data.TakeRows(mlContext.Data.ShuffleRows(data, seed, shufflePoolSize: 50_000), rows);

    private static IDataView Reviews(string path, DataSplit split) => File.Exists(path) || Directory.Exists(path)
        ? ImdbDataset.Load(path, split)
        : throw new FileNotFoundException($"'{path}' does not exist; expected the aclImdb folder or aclImdb_v1.tar.gz. {ImdbDownload.HowToGet}", path);

    /// <summary>The start of a review, so the reader can tell which prediction is whose.</summary>
    private static string Excerpt(string text)
    {
        const int length = 48;
        var line = text.Trim();
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length).TrimEnd(), "…");
    }

    private sealed class ReviewRow
    {
        public string Text { get; set; } = "";
    }
}
