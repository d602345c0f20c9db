using System.Text;
using Microsoft.ML;
using MlNetMlp.Datasets;

namespace MlNetMlp.Bench.Data;

/// <summary>
/// A quick run's IMDb data: the first reviews of each class from the real archive (which holds all positive reviews
/// before the negative ones), written as a CSV file that the production reader reads like any user's file.
/// </summary>
internal static class ImdbSample
{
    public static string Write(string archive, int rows, string path)
    {
        var mlContext = new MLContext(seed: 1);
        var reviews = mlContext.Data.CreateEnumerable<ReviewRow>(ImdbDataset.LoadArchive(archive, DataSplit.Train), reuseRowObject: false);
        var perClass = rows / 2;
        var kept = new List<ReviewRow>();
        int positive = 0, negative = 0;
        foreach (var review in reviews)
        {
            if (review.Label ? positive++ < perClass : negative++ < perClass)
            {
                kept.Add(review);
            }

            if (positive >= perClass && negative >= perClass)
            {
                break;
            }
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.WriteLine("text,label");
        foreach (var review in kept)
        {
            writer.WriteLine($"\"{review.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{(review.Label ? 1 : 0)}");
        }

        return path;
    }

    /// <summary>One review as the reader serves it.</summary>
    private sealed class ReviewRow
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }
    }
}
