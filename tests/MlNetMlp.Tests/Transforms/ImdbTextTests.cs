using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Transforms;

/// <summary>The real IMDb reviews through WordIndex and VectorizeSequences, checked against a plain reference computation.</summary>
[TestClass]
public sealed class ImdbTextTests
{
    private const int ReviewsPerLabel = 600;
    private const int NumWords = 10_000;

    public sealed class Review
    {
        public string Text { get; set; } = "";
    }

    private static string[] _texts = [];

    [ClassInitialize]
    public static void ReadReviews(TestContext context)
    {
        _texts = [.. SharedDatasets.ImdbFirstPerLabel(new MLContext(seed: 1), DataSplit.Train, ReviewsPerLabel).Select(r => r.Text)];
    }

    [TestMethod]
    public void WordIndexAndVectorizeSequences_RealReviews_MatchReferenceComputation()
    {
        Assert.HasCount(2 * ReviewsPerLabel, _texts);
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(_texts.Select(t => new Review { Text = t }));
        var wordIndex = mlContext.Transforms.WordIndex("Sequence", "Text").Fit(data);
        var output = mlContext.Transforms.VectorizeSequences("Features", "Sequence").Fit(wordIndex.Transform(data)).Transform(wordIndex.Transform(data));

        var (vocabulary, sequences) = ReferenceKerasImdb(_texts, NumWords);

        CollectionAssert.AreEqual(vocabulary, wordIndex.Words.ToArray(), "vocabulary in rank order");
        Assert.AreEqual("the", wordIndex.Words[0]);
        Assert.AreEqual(4, wordIndex.WordToIndex["the"]);
        var sample = Enumerable.Range(0, _texts.Length).Where(i => i % 12 == 0).ToHashSet();
        using var cursor = output.GetRowCursor([output.Schema["Sequence"], output.Schema["Features"]]);
        var sequenceGetter = cursor.GetGetter<VBuffer<int>>(output.Schema["Sequence"]);
        var featuresGetter = cursor.GetGetter<VBuffer<float>>(output.Schema["Features"]);
        VBuffer<int> sequence = default;
        VBuffer<float> features = default;
        var checkedRows = 0;
        while (cursor.MoveNext())
        {
            var row = (int)cursor.Position;
            if (!sample.Contains(row))
            {
                continue;
            }

            sequenceGetter(ref sequence);
            featuresGetter(ref features);
            CollectionAssert.AreEqual(sequences[row], sequence.DenseValues().ToArray(), $"sequence of review {row}");
            CollectionAssert.AreEqual(ReferenceVectorize(sequences[row], NumWords), features.DenseValues().ToArray(), $"multi-hot of review {row}");
            Assert.AreEqual(sequences[row].Distinct().Count(), features.GetValues().Length, $"review {row} stores only its nonzeros");
            checkedRows++;
        }

        Assert.AreEqual(sample.Count, checkedRows);
    }

    /// <summary>Keras' IMDb recipe written out plainly: clean, count, rank, number, with start mark 1 and OOV 2.</summary>
    private static (string[] Vocabulary, int[][] Sequences) ReferenceKerasImdb(string[] texts, int numWords)
    {
        var tokenized = texts.Select(Tokenize).ToArray();
        var vocabulary = tokenized.SelectMany(words => words)
            .GroupBy(word => word, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .Take(numWords - 4)
            .ToArray();
        var index = vocabulary.Select((word, rank) => (word, rank)).ToDictionary(p => p.word, p => p.rank + 1 + 3, StringComparer.Ordinal);
        var sequences = tokenized.Select(words => new[] { 1 }.Concat(words.Select(w => index.GetValueOrDefault(w, 2))).ToArray()).ToArray();
        return (vocabulary, sequences);
    }

    private static string[] Tokenize(string text)
    {
        var withoutBreaks = Regex.Replace(text, "<br *\\/?>", " ", RegexOptions.IgnoreCase);
        var cleaned = new string([.. withoutBreaks.ToLowerInvariant().Where(c => !char.IsPunctuation(c) && !char.IsSymbol(c))]);
        return cleaned.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private static float[] ReferenceVectorize(int[] sequence, int dimension)
    {
        var result = new float[dimension];
        foreach (var index in sequence)
        {
            result[index] = 1f;
        }

        return result;
    }
}
