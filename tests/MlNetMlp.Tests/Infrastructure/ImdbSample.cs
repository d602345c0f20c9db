using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// A small real IMDb subset for trainer tests: reviews from the shared aclImdb.tar.gz, turned into multi-hot
/// vectors over the most frequent words of the training reviews (the course's vectorize_sequences), sparse.
/// The production WordIndex/VectorizeSequences transforms live in src/Transforms.
/// </summary>
internal static partial class ImdbSample
{
    public sealed record Review(string Text, bool Positive, bool Train);

    /// <summary>The first <paramref name="perClass"/> positive and negative reviews of each split.</summary>
    public static List<Review> Load(int perClass)
    {
        var path = TestPaths.RequireSharedData("imdb/aclImdb.tar.gz");
        var counts = new Dictionary<string, int>();
        var reviews = new List<Review>();
        using var tar = new TarReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (tar.GetNextEntry() is { } entry)
        {
            var parts = entry.Name.Split('/');
            if (entry.DataStream is null || parts.Length != 4 || parts[1] is not ("train" or "test") || parts[2] is not ("pos" or "neg"))
            {
                continue;
            }

            var group = parts[1] + parts[2];
            counts.TryGetValue(group, out var seen);
            if (seen >= perClass)
            {
                continue;
            }

            counts[group] = seen + 1;
            using var text = new StreamReader(entry.DataStream);
            reviews.Add(new Review(text.ReadToEnd(), parts[2] == "pos", parts[1] == "train"));
        }

        return reviews;
    }

    /// <summary>The <paramref name="size"/> most frequent words of <paramref name="texts"/>, most frequent first.</summary>
    public static Dictionary<string, int> Vocabulary(IEnumerable<string> texts, int size) =>
        texts.SelectMany(Words).GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(size).Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i);

    /// <summary>Sorted distinct vocabulary indices of the words in <paramref name="text"/>.</summary>
    public static int[] MultiHotIndices(string text, Dictionary<string, int> vocabulary) =>
        Words(text).Select(w => vocabulary.GetValueOrDefault(w, -1)).Where(i => i >= 0).Distinct().Order().ToArray();

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.Replace("<br />", " ").ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex("[a-z']+")]
    private static partial Regex WordPattern();
}
