using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Transforms;

namespace MlNetMlp.Tests.Core;

/// <summary>
/// ModelFile.Load refuses every file that is not exactly as it was saved, always with a ModelFormatException that names
/// the file and (where the problem is in one) the entry; what it loads predicts exactly as the saved model did.
/// </summary>
[TestClass]
public sealed class ModelFileTests
{
    private static readonly string[] PredictionColumns = ["Features", "Score", "PredictedLabel"];

    public sealed class Image
    {
        [VectorType(4)]
        public byte[] Pixels { get; set; } = [];

        public string Class { get; set; } = "";
    }

    [TestMethod]
    public void Load_EveryByteChanged_LoadsTheSameModelOrThrowsNamingFileAndEntry()
    {
        using var directory = new TemporaryDirectory();
        var (mlContext, data, model) = FitSmallModel();
        var saved = directory.File("model.zip");
        mlContext.Model.Save(model, data.Schema, saved);
        var original = File.ReadAllBytes(saved);
        var entries = EntryNames(saved);
        var expected = Predictions(model.Transform(data));
        var damaged = directory.File("damaged.zip");
        var random = new Random(11);
        int identical = 0, refusedNamingEntry = 0, refusedNamingDirectory = 0;
        var wrong = new List<string>();

        for (var offset = 0; offset < original.Length; offset++)
        {
            var bytes = (byte[])original.Clone();
            bytes[offset] ^= (byte)random.Next(1, 256);
            File.WriteAllBytes(damaged, bytes);
            try
            {
                var loaded = ModelFile.Load(new MLContext(seed: 1), damaged, out var inputSchema);
                if (inputSchema is null || !Predictions(loaded.Transform(data)).SequenceEqual(expected))
                {
                    wrong.Add($"byte {offset}: loaded a model that predicts differently (or without its input schema)");
                }
                else
                {
                    identical++;
                }
            }
            catch (ModelFormatException e)
            {
                if (!e.Message.StartsWith($"Model file '{damaged}'", StringComparison.Ordinal) || e.Message.Contains('\n'))
                {
                    wrong.Add($"byte {offset}: the message does not start with the file, or spans lines: {e.Message}");
                }
                else if (e.EntryName is not null && e.Message.Contains($"'{e.EntryName}'", StringComparison.Ordinal))
                {
                    refusedNamingEntry++;
                }
                else if (e.EntryName is null && e.Message.Contains("is not a readable ML.NET model: its zip directory is damaged: ", StringComparison.Ordinal))
                {
                    refusedNamingDirectory++;
                }
                else
                {
                    wrong.Add($"byte {offset}: names neither an entry nor the zip's directory: {e.Message}");
                }
            }
            catch (Exception e)
            {
                wrong.Add($"byte {offset}: {e.GetType().FullName}: {e.Message}");
            }
        }

        Console.WriteLine($"{original.Length} bytes ({entries.Count} entries): {identical} changes load the identical model, " +
            $"{refusedNamingEntry} are refused naming the entry, {refusedNamingDirectory} naming the zip's directory records");
        Assert.IsEmpty(wrong, string.Join("\n", wrong.Take(20)));
        Assert.IsGreaterThan(original.Length * 3 / 4, refusedNamingEntry + refusedNamingDirectory, "most bytes matter");
    }

    [TestMethod]
    public void Load_ChainSavedByVersion01_LoadsAndPredictsAsVersion01Did()
    {
        // Saved by 0.1, before parameter blocks were checksummed (see TestData/Models-0.1/README.md).
        var mlContext = new MLContext(seed: 1);
        var input = mlContext.Data.LoadFromBinary(SavedBy01("chain-input.idv"));
        var expected = mlContext.Data.LoadFromBinary(SavedBy01("chain-expected.idv"));

        var model = ModelFile.Load(mlContext, SavedBy01("chain-mlp.zip"), out var inputSchema);
        var scored = model.Transform(input);

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Byte, 4), inputSchema["Pixels"].Type);
        Assert.IsNotNull(((IEnumerable<ITransformer>)model).OfType<NormalizePixelsTransformer>().Single().Statistics);
        DataViewAssert.BitIdentical(expected, scored, "Features", "PredictedLabel");
        var then = ColumnValues.Dense<float>(expected, "Score");
        var now = ColumnValues.Dense<float>(scored, "Score");
        Assert.HasCount(12, now);
        for (var row = 0; row < then.Count; row++)
        {
            // Within 1e-6, not bit for bit: the MLP's forward pass may be computed differently than in 0.1.
            CollectionAssert.AreEqual(then[row], now[row], Comparer<float>.Create((a, b) => Math.Abs(a - b) <= 1e-6f ? 0 : a.CompareTo(b)), $"row {row}");
        }
    }

    [TestMethod]
    public void Save_ChainLoadedFromVersion01_WritesTheChecksummedLayoutThatPredictsTheSame()
    {
        using var directory = new TemporaryDirectory();
        var mlContext = new MLContext(seed: 1);
        var input = mlContext.Data.LoadFromBinary(SavedBy01("chain-input.idv"));
        var legacy = ModelFile.Load(mlContext, SavedBy01("chain-mlp.zip"), out var inputSchema);
        var resaved = directory.File("resaved.zip");

        mlContext.Model.Save(legacy, inputSchema, resaved);
        var reloaded = ModelFile.Load(mlContext, resaved, out _);

        DataViewAssert.BitIdentical(legacy.Transform(input), reloaded.Transform(input), PredictionColumns);
        Assert.AreEqual(1u, ModelZipEntry.StampedVersion(SavedBy01("chain-mlp.zip"), NormalizePixelsTransformer.LoaderSignature));
        Assert.AreEqual(0x0001_0001u, ModelZipEntry.StampedVersion(resaved, NormalizePixelsTransformer.LoaderSignature), "checksummed layout 1, body version 1");
    }

    [TestMethod]
    public void Load_Directory_SaysItIsADirectory()
    {
        using var directory = new TemporaryDirectory();

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), directory.Path, out _));

        Assert.AreEqual(
            $"Model file '{directory.Path}' is not a readable ML.NET model: it is a directory; expected the .zip that mlContext.Model.Save writes.",
            error.Message);
    }

    [TestMethod]
    public void Load_EmptyFile_SaysItIsEmpty()
    {
        using var directory = new TemporaryDirectory();
        var empty = directory.File("empty.zip");
        File.WriteAllBytes(empty, []);

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), empty, out _));

        Assert.AreEqual(
            $"Model file '{empty}' is not a readable ML.NET model: it is empty (0 bytes); expected the .zip that mlContext.Model.Save writes.",
            error.Message);
    }

    [TestMethod]
    public void Load_ZipThatIsNotAModel_SaysWhatItHolds()
    {
        using var directory = new TemporaryDirectory();
        var notes = directory.File("notes.zip");
        using (var zip = ZipFile.Open(notes, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes/todo.txt").Open());
            writer.Write("buy milk");
        }

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), notes, out _));

        Assert.AreEqual(
            $"Model file '{notes}' is not a readable ML.NET model: it is a zip archive, but none of its 1 entries is a component's 'Model.key' (it holds 'notes/todo.txt').",
            error.Message);
    }

    [TestMethod]
    public void Load_TextFile_SaysItIsNotAZipAndHowItStarts()
    {
        using var directory = new TemporaryDirectory();
        var text = directory.File("model.zip");
        File.WriteAllText(text, "label,pixel0\n5,0\n");

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), text, out _));

        Assert.AreEqual($"Model file '{text}' is not a readable ML.NET model: it is not a zip archive (it holds text, starting \"label,pixel0 5,0\").", error.Message);
    }

    [TestMethod]
    public void Load_DamagedSchemaEntryWithValidCrc_ThrowsModelFormatExceptionNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        var saved = SaveSmallModel(directory);
        ModelZipEntry.RewriteEntry(saved, "Schema", schema => schema.AsSpan(0, 16).Fill(0x5A));

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), saved, out _));

        StringAssert.StartsWith(error.Message, $"Model file '{saved}' is not a readable ML.NET model: ML.NET could not read it: ");
        Assert.IsFalse(error.Message.Contains('\n'), error.Message);
        Assert.IsNotNull(error.InnerException);
    }

    [TestMethod]
    public void Load_ComponentFromAnAssemblyThatCannotBeLoaded_NamesTheAssembly()
    {
        using var directory = new TemporaryDirectory();
        var saved = SaveSmallModel(directory);
        // The entry header names the loader's assembly in UTF-16; point it at one that does not exist.
        var assembly = Encoding.Unicode.GetBytes("MlNetMlp.Transforms,");
        ModelZipEntry.Rewrite(saved, NormalizePixelsTransformer.LoaderSignature, entry =>
        {
            var at = entry.AsSpan().IndexOf(assembly);
            Assert.IsGreaterThan(0, at);
            Encoding.Unicode.GetBytes("MlNetMlp.Transformz,").CopyTo(entry, at);
        });

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), saved, out _));

        StringAssert.StartsWith(error.Message, $"Model file '{saved}' is not a readable ML.NET model: it holds a component from assembly 'MlNetMlp.Transformz, Version=");
        StringAssert.Contains(error.Message, "reference the package that provides it");
    }

    [TestMethod]
    public void Load_ChangedParameterByteWithValidCrc_IsRefusedByTheComponentNamingItsEntry()
    {
        using var directory = new TemporaryDirectory();
        var saved = SaveSmallModel(directory);
        // A byte of the MLP's parameter block changed after its SHA-256 was taken, in a zip rewritten with valid CRCs.
        ModelZipEntry.Rewrite(saved, MlpTransformer.LoaderSignature, entry => entry[0x100 + sizeof(int) + 3] ^= 0x10);

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), saved, out _));
        var direct = Assert.Throws<Exception>(() => new MLContext().Model.Load(saved, out _));

        Assert.AreEqual("TransformerChain/Transform_002/Model.key", error.EntryName);
        Assert.AreEqual(
            $"Model file '{saved}', entry 'TransformerChain/Transform_002/Model.key': The saved MLP transformer is corrupt: its parameter block does not match its SHA-256.",
            error.Message);
        Assert.IsTrue(Chain(direct).OfType<ModelFormatException>().Any(), $"mlContext.Model.Load refuses it too: {direct}");
    }

    [TestMethod]
    public void Load_WeightsStreamCutShortWithValidChecksums_NamesTheStreamEntry()
    {
        using var directory = new TemporaryDirectory();
        var saved = SaveSmallModel(directory);
        // As a writer that lost half the weights would leave it: every checksum right, the values short.
        ModelZipEntry.RewriteStream(saved, "TransformerChain/Transform_002/Weights", payload => payload[..(payload.Length / 2)]);

        var error = Assert.ThrowsExactly<ModelFormatException>(() => ModelFile.Load(new MLContext(), saved, out _));

        Assert.AreEqual("TransformerChain/Transform_002/Weights", error.EntryName);
        StringAssert.StartsWith(error.Message, $"Model file '{saved}', entry 'TransformerChain/Transform_002/Weights': The saved MLP transformer is ");
    }

    private static (MLContext, IDataView, ITransformer) FitSmallModel()
    {
        var mlContext = new MLContext(seed: 1);
        var random = new Random(3);
        string[] classes = ["a", "b", "c"];
        var rows = Enumerable.Range(0, 12).Select(i => new Image
        {
            Pixels = [.. Enumerable.Range(0, 4).Select(j => (byte)((i % 3 == j ? 200 : 20) + random.Next(40)))],
            Class = classes[i % 3],
        });
        var data = mlContext.Data.LoadFromEnumerable(rows.ToList());
        var pipeline = mlContext.Transforms.NormalizePixels("Features", "Pixels", standardize: true)
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label", "Class"))
            .Append(mlContext.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(3)], Epochs = 2, Seed = 1 }));
        return (mlContext, data, pipeline.Fit(data));
    }

    private static string SaveSmallModel(TemporaryDirectory directory)
    {
        var (mlContext, data, model) = FitSmallModel();
        var path = directory.File("model.zip");
        mlContext.Model.Save(model, data.Schema, path);
        return path;
    }

    /// <summary>Every prediction column, row by row, as raw bits.</summary>
    private static List<long> Predictions(IDataView output) =>
        PredictionColumns.SelectMany(name => DataViewAssert.ReadBits(output, output.Schema[name]).SelectMany(row => row)).ToList();

    private static List<string> EntryNames(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string SavedBy01(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "MlNetMlp.Tests", "TestData", "Models-0.1", name);
}
