using Microsoft.ML;
using MlNetMlp.Datasets;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// The shared real MNIST and IMDb files read through the production readers (MnistDataset, ImdbDataset),
/// so tests exercise the code users run rather than a private copy of it.
/// </summary>
internal static class SharedDatasets
{
    /// <summary>One IMDb review as the production reader gives it.</summary>
    public sealed class Review
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }
    }

    /// <summary>A split of the shared MNIST files: <c>Pixels</c> (784 bytes) and <c>Label</c> (a key whose names are "0".."9").</summary>
    public static IDataView Mnist(DataSplit split)
    {
        var (images, labels) = MnistDataset.CanonicalFileNames(split);
        return MnistDataset.Load(TestPaths.RequireSharedData($"mnist/{images}"), TestPaths.RequireSharedData($"mnist/{labels}"));
    }

    /// <summary>
    /// The first <paramref name="perLabel"/> positive and the first <paramref name="perLabel"/> negative reviews of a
    /// split in archive order (the shared archive holds each split's positive reviews before its negative ones).
    /// Reading stops as soon as both are complete, so the rest of the 80 MB archive is not decompressed.
    /// </summary>
    public static List<Review> ImdbFirstPerLabel(MLContext mlContext, DataSplit split, int perLabel)
    {
        var reviews = ImdbDataset.LoadArchive(TestPaths.RequireSharedData("imdb/aclImdb.tar.gz"), split);
        int positives = 0, negatives = 0;
        var subset = new List<Review>();
        foreach (var review in mlContext.Data.CreateEnumerable<Review>(reviews, reuseRowObject: false))
        {
            ref var taken = ref review.Label ? ref positives : ref negatives;
            if (taken < perLabel)
            {
                taken++;
                subset.Add(review);
            }

            if (positives == perLabel && negatives == perLabel)
            {
                break;
            }
        }

        return subset;
    }
}
