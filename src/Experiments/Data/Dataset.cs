using Microsoft.ML;
using MlNetMlp.Experiments.Comparison;

namespace MlNetMlp.Experiments;

/// <summary>
/// A data set as the studies and the command line know it, in one place: how it is found and read (a path, an embedded
/// sample, a download), its training and test parts, its task and label, the recipe that prepares it and the course's
/// network for it, the ML.NET trainers it is compared with, how one input is read for prediction, and how it names
/// itself in a report. MNIST and IMDb are two implementations; a new one is one class and one line in
/// <see cref="DatasetRegistry"/>, and no command changes.
/// </summary>
public abstract class Dataset
{
    /// <summary>The name the command line takes, lowercase, e.g. <c>mnist</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How a report names it, e.g. <c>MNIST</c>.</summary>
    public abstract string DisplayName { get; }

    /// <summary>What is predicted, which decides the comparison's metrics and the evaluators.</summary>
    public abstract ComparisonTask Task { get; }

    /// <summary>What one row is, for messages: "rows", or "reviews".</summary>
    public virtual string RowNoun => "rows";

    /// <summary>What <c>--data</c> names for this data set, for help and messages, e.g. "a folder of MNIST IDX files".</summary>
    public abstract string PathDescription { get; }

    /// <summary>What <c>predict --input</c> takes for a model of this data set, for help and messages.</summary>
    public abstract string InputDescription { get; }

    /// <summary>The label column after <see cref="Preparation"/>: a key for multiclass, Boolean for binary, Single for regression.</summary>
    public abstract string LabelColumnName { get; }

    /// <summary>The feature column after <see cref="Preparation"/>, which the networks and the baselines read.</summary>
    public virtual string FeatureColumnName => "Features";

    /// <summary>Reads the training and test parts: from <see cref="DataRequest.Path"/>, or the built-in source when it is null.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="request">Where from, how many rows and the seed of any subset.</param>
    /// <returns>Both parts and their description.</returns>
    public abstract LoadedData Load(MLContext mlContext, DataRequest request);

    /// <summary>The test part alone, from <paramref name="path"/>, for evaluating a saved model: nothing else need be there.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="path">The data's location.</param>
    /// <returns>The raw test rows.</returns>
    public abstract IDataView LoadTest(MLContext mlContext, string path);

    /// <summary>The raw rows to the <see cref="FeatureColumnName"/> and <see cref="LabelColumnName"/> columns, fitted on the training part.</summary>
    /// <param name="mlContext">The context.</param>
    /// <returns>The preparation estimator.</returns>
    public abstract IEstimator<ITransformer> Preparation(MLContext mlContext);

    /// <summary>The course's network for this data set, as fresh options reading the prepared columns.</summary>
    /// <param name="epochs">Passes over the data; the recipe's when null.</param>
    /// <returns>Fresh options.</returns>
    public abstract MlpOptions CreateNetwork(int? epochs = null);

    /// <summary>The recipe: <see cref="Preparation"/>, then an MLP with <paramref name="options"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="options">The network; <see cref="CreateNetwork"/> when null.</param>
    /// <returns>An estimator from raw rows to predictions.</returns>
    public IEstimator<ITransformer> CreateRecipe(MLContext mlContext, MlpOptions? options = null) =>
        Preparation(mlContext).Append(mlContext.Mlp(options ?? CreateNetwork()));

    /// <summary>The network whose uncertainty the uncertainty study measures: the course's, with the dropout Monte Carlo dropout needs.</summary>
    /// <param name="epochs">Passes over the data; the study's default for this data set when null.</param>
    /// <param name="seed">Seed of the weights, shuffling and dropout masks.</param>
    /// <returns>Fresh options.</returns>
    public abstract MlpOptions CreateUncertaintyNetwork(int? epochs, int seed);

    /// <summary>The ML.NET trainers the MLP is compared with, on the prepared columns or the raw rows.</summary>
    public abstract IReadOnlyList<Candidate> Baselines { get; }

    /// <summary>Baselines left out unless asked for, because they need what this library cannot promise (a download, hours of CPU).</summary>
    public virtual IReadOnlyList<Candidate> OptionalBaselines => [];

    /// <summary>What a model of this data set reads, for messages about a model that reads something else, e.g. "a Pixels column".</summary>
    public abstract string ModelInputDescription { get; }

    /// <summary>A hint for a model that reads <paramref name="inputColumns"/>, which this data set does not give but nearly does; null for none.</summary>
    /// <param name="inputColumns">The columns of the model's input schema.</param>
    /// <returns>One sentence, or null.</returns>
    public virtual string? ModelInputHint(IReadOnlyCollection<string> inputColumns) => null;

    /// <summary>Whether a saved model that reads <paramref name="inputColumns"/> was trained on this data set.</summary>
    /// <param name="inputColumns">The columns of the model's input schema.</param>
    /// <returns>True when this data set's <see cref="ReadPredictionInput"/> gives rows the model reads.</returns>
    public abstract bool IsInputOf(IReadOnlyCollection<string> inputColumns);

    /// <summary>
    /// The rows <c>predict</c> scores, read from <paramref name="input"/> (a file; <c>-</c> for standard input, where the
    /// data set takes text), with a description of each row to print beside its prediction when it has one.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="input">The path given with <c>--input</c>, <c>-</c>, or null when none was given.</param>
    /// <returns>The rows and their descriptions.</returns>
    public abstract PredictionInput ReadPredictionInput(MLContext mlContext, string? input);

    /// <summary>
    /// The first <paramref name="rows"/> rows of <paramref name="data"/>. A data set whose readers return the rows grouped
    /// by class overrides this to shuffle first with <paramref name="seed"/>, so a subset holds every class.
    /// </summary>
    protected virtual IDataView Subset(MLContext mlContext, IDataView data, int rows, int seed) => mlContext.Data.TakeRows(data, rows);

    /// <summary>Both parts, cut to <see cref="DataRequest.Rows"/> when asked, and their description with the rows counted.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="train">The whole training part.</param>
    /// <param name="test">The whole test part.</param>
    /// <param name="source">Where they came from, as the report states it.</param>
    /// <param name="request">The request the parts answer.</param>
    /// <param name="name">The name the report gives them; <see cref="DisplayName"/> when null.</param>
    protected LoadedData Loaded(MLContext mlContext, IDataView train, IDataView test, string source, DataRequest request, string? name = null)
    {
        if (request.Rows is { } limit)
        {
            (train, test) = (Subset(mlContext, train, limit, request.Seed), Subset(mlContext, test, limit, request.Seed));
            source += $"; a seeded subset of at most {limit:N0} rows of each part";
        }

        return new LoadedData(this, train, test, new DataDescription(name ?? DisplayName, source, CountRows(train), CountRows(test)));
    }

    private static long CountRows(IDataView data)
    {
        if (data.GetRowCount() is { } known)
        {
            return known;
        }

        long count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }
}
