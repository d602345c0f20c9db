using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring;

/// <summary>
/// Models saved by MlNetMlp 0.1 (TestData/Models-0.1, saved when the transformer lived in MlNetMlp.Trainers and
/// scored with torch) still load, and the managed forward pass gives the predictions 0.1 gave.
/// </summary>
[TestClass]
public sealed class SavedModelCompatibilityTests
{
    [TestMethod]
    [DataRow("mnist", new[] { "Score" }, new[] { "PredictedLabel" })]
    [DataRow("binary", new[] { "Score", "Probability" }, new[] { "PredictedLabel" })]
    public void Load_ModelSavedByVersion01_PredictsAsVersion01DidWithin1e5(string name, string[] scoreColumns, string[] labelColumns)
    {
        var mlContext = new MLContext(seed: 1);
        var model = ModelFile.Load(mlContext, SavedFile($"{name}-mlp.zip"), out _);
        var input = mlContext.Data.LoadFromBinary(SavedFile($"{name}-input.idv"));
        var expected = mlContext.Data.LoadFromBinary(SavedFile($"{name}-expected.idv"));

        var scored = model.Transform(input);

        foreach (var column in scoreColumns)
        {
            var then = Floats(expected, column);
            var now = Floats(scored, column);
            Assert.HasCount(40, now);
            for (var row = 0; row < then.Count; row++)
            {
                for (var i = 0; i < then[row].Length; i++)
                {
                    Assert.AreEqual(then[row][i], now[row][i], 1e-5 * Math.Max(1, Math.Abs(then[row][i])), $"{name}: {column}, row {row}, slot {i}");
                }
            }
        }

        DataViewAssert.BitIdentical(expected, scored, labelColumns);
    }

    [TestMethod]
    public void Save_ModelLoadedFromVersion01_WritesTheCurrentFormatThatAChildProcessScoresBitIdentically()
    {
        var mlContext = new MLContext(seed: 1);
        var model = ModelFile.Load(mlContext, SavedFile("mnist-mlp.zip"), out var schema);
        var input = mlContext.Data.LoadFromBinary(SavedFile("mnist-input.idv"));
        using var directory = new TemporaryDirectory();
        var resaved = directory.File("mnist-mlp-current.zip");
        mlContext.Model.Save(model, schema, resaved);

        var child = ModelHostProcess.Transform(mlContext, resaved, input, directory);

        Assert.AreEqual(0, child.ExitCode, child.StandardError);
        DataViewAssert.BitIdentical(model.Transform(input), child.Output!, "Score", "PredictedLabel");
        Assert.IsTrue(EntryTexts(resaved).Any(text => text.Contains("MlNetMlpMlpPredictor", StringComparison.Ordinal) && text.Contains("MlNetMlp.Scoring", StringComparison.Ordinal)),
            "the re-saved MLP names the scoring package as its loader");
    }

    /// <summary>
    /// Each component entry of a model .zip as text (its header holds the loader signature and assembly name), as
    /// UTF-8 and as UTF-16 read from an even and from an odd offset, since a string table may start at either.
    /// </summary>
    private static IEnumerable<string> EntryTexts(string modelPath)
    {
        using var zip = ZipFile.OpenRead(modelPath);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith("Model.key", StringComparison.Ordinal)).ToList())
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var content = bytes.ToArray();
            yield return Encoding.UTF8.GetString(content) + Encoding.Unicode.GetString(content) + Encoding.Unicode.GetString(content, 1, content.Length - 1);
        }
    }

    private static string SavedFile(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "MlNetMlp.Tests", "TestData", "Models-0.1", name);

    private static List<float[]> Floats(IDataView data, string column) => data.Schema[column].Type is VectorDataViewType
        ? data.GetColumn<float[]>(column).Select(v => (float[])v.Clone()).ToList()
        : data.GetColumn<float>(column).Select(v => new[] { v }).ToList();
}
