using MlNetMlp.Experiments;
using MlNetMlp.Tests.Infrastructure;
using SkiaSharp;

namespace MlNetMlp.Tests.Experiments;

/// <summary>What a person reads at a glance: the summary first, a table of contents, zoomed and highlighted accuracy bars, errors that stand out.</summary>
[TestClass]
public sealed class ReportReadabilityTests
{
    private static readonly SKColor MlpOrange = SKColor.Parse("#ff7f0e");
    private static readonly SKColor BestGreen = SKColor.Parse("#2ca02c");
    private static readonly SKColor CorrectGrey = SKColor.Parse("#d9d9d9");

    [TestMethod]
    public void Write_Comparison_SummaryFirstThenContentsAndFoldedConfusionCounts()
    {
        using var folder = new TemporaryDirectory();

        var files = StudyReports.Write(Report(), StudyReports.Context("MNIST: MLP against ML.NET trainers", Report().Data), folder.Path);

        var markdown = File.ReadAllLines(files.Markdown);
        Assert.AreEqual("# MNIST: MLP against ML.NET trainers", markdown[0]);
        Assert.AreEqual("Best test micro-accuracy: LightGbm, 0.9400 (3 trainers completed on 2,000 test rows of MNIST).", markdown[2]);
        Assert.AreEqual("Mlp 784-512-10 ranks 2 of 3 with 0.9200, behind LightGbm by 2.00 percentage points.", markdown[4]);
        var html = File.ReadAllText(files.Html);
        var summary = html.IndexOf("<div class=\"summary\">\n<p>Best test micro-accuracy: LightGbm", StringComparison.Ordinal);
        var contents = html.IndexOf("<nav><h2>Contents</h2>", StringComparison.Ordinal);
        var firstSection = html.IndexOf("<h2 id=\"section-1\">Results</h2>", StringComparison.Ordinal);
        Assert.IsTrue(summary > 0 && summary < contents && contents < firstSection, "title, summary, contents, sections");
        var headings = System.Text.RegularExpressions.Regex.Matches(html, "<h2 id=\"(section-\\d+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.IsGreaterThanOrEqualTo(4, headings.Count);
        Assert.IsTrue(headings.All(id => html.Contains($"<li><a href=\"#{id}\">", StringComparison.Ordinal)), "every section is in the contents");
        StringAssert.Contains(html, "<details><summary>Counts of Mlp 784-512-10</summary>\n<table><thead><tr><th>actual \\ predicted</th>");
    }

    [TestMethod]
    public void Write_Comparison_AccuracyBarsZoomedWithTheMlpAndTheBestHighlighted()
    {
        using var folder = new TemporaryDirectory();

        StudyReports.Write(Report(), StudyReports.Context("MNIST: MLP against ML.NET trainers", Report().Data), folder.Path);

        using var accuracy = SKBitmap.Decode(Path.Combine(folder.Path, "accuracy.png"));
        var (mlp, best) = (Count(accuracy, MlpOrange), Count(accuracy, BestGreen));
        Assert.IsGreaterThan(1_000, mlp, "the MLP's bar is orange");
        Assert.IsGreaterThan(1_000, best, "the best trainer's bar is green");
        // Unzoomed, bars of 0.92 and 0.94 differ by 2 %; on an axis zoomed to the results' range by far more.
        Assert.IsGreaterThan(1.15, best / (double)mlp, $"green {best} px against orange {mlp} px");
    }

    [TestMethod]
    public void Write_Comparison_ConfusionMatrixGreyDiagonalAndErrorsByRowRate()
    {
        using var folder = new TemporaryDirectory();

        StudyReports.Write(Report(), StudyReports.Context("MNIST: MLP against ML.NET trainers", Report().Data), folder.Path);

        using var confusion = SKBitmap.Decode(Path.Combine(folder.Path, "confusion-mlp-784-512-10.png"));
        Assert.IsGreaterThan(3 * 5_000, Count(confusion, CorrectGrey), "the three correct cells are grey");
        // 'two' is mistaken for 'one' in 1 of 4 rows (the largest error rate): the darkest red; 'zero' as 'two' in 1 of 6 rows: lighter.
        var worst = CellColour(confusion, row: 2, column: 1);
        var lesser = CellColour(confusion, row: 0, column: 2);
        var none = CellColour(confusion, row: 1, column: 0);
        Assert.IsLessThan(Brightness(lesser), Brightness(worst), $"worst {worst}, lesser {lesser}");
        Assert.IsLessThan(Brightness(none), Brightness(lesser), $"lesser {lesser}, no error {none}");
    }

    private static int Count(SKBitmap bitmap, SKColor colour)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                count += bitmap.GetPixel(x, y) == colour ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>
    /// The colour near the top left corner of a cell of a 3 × 3 matrix (away from its text). The frame is found from the
    /// grey diagonal: the rows and columns with many grey pixels span it.
    /// </summary>
    private static SKColor CellColour(SKBitmap bitmap, int row, int column)
    {
        var (rows, columns) = (new int[bitmap.Height], new int[bitmap.Width]);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y) == CorrectGrey)
                {
                    rows[y]++;
                    columns[x]++;
                }
            }
        }

        var (top, bottom) = (Array.FindIndex(rows, n => n > 50), Array.FindLastIndex(rows, n => n > 50));
        var (left, right) = (Array.FindIndex(columns, n => n > 50), Array.FindLastIndex(columns, n => n > 50));
        var (cellWidth, cellHeight) = ((right - left + 1) / 3.0, (bottom - top + 1) / 3.0);
        return bitmap.GetPixel((int)(left + (cellWidth * column) + 6), (int)(top + (cellHeight * row) + 6));
    }

    private static int Brightness(SKColor colour) => colour.Red + colour.Green + colour.Blue;

    private static ComparisonResult Report() => new()
    {
        Task = ComparisonTask.Multiclass,
        Data = new DataDescription("MNIST", "Embedded MNIST sample", TrainRows: 8_000, TestRows: 2_000),
        Results =
        [
            new TrainerResult
            {
                Trainer = "Mlp 784-512-10", Task = ComparisonTask.Multiclass, MicroAccuracy = 0.92, TrainingSeconds = 40, IsMlp = true,
                LearningCurve = [new EpochMetrics(1, 0.45, 0.52, 0.87, 0.85), new EpochMetrics(2, 0.21, 0.41, 0.94, 0.89)],
                ConfusionMatrix = new ConfusionMatrixResult(["zero", "one", "two"], [[5, 0, 1], [0, 7, 0], [0, 1, 3]]),
            },
            new TrainerResult { Trainer = "SdcaMaximumEntropy", Task = ComparisonTask.Multiclass, MicroAccuracy = 0.89, TrainingSeconds = 12 },
            new TrainerResult { Trainer = "LightGbm", Task = ComparisonTask.Multiclass, MicroAccuracy = 0.94, TrainingSeconds = 20 },
        ],
    };
}
