using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Transforms;

namespace MlNetMlp.Tests.Core;

/// <summary>Saving our components into ML.NET's model .zip and loading them back, across processes.</summary>
[TestClass]
public sealed class PersistenceTests
{
    private sealed class Image
    {
        [VectorType(4)]
        public float[] Pixels { get; set; } = [];

        public float Label { get; set; }
    }

    [TestMethod]
    public void ModelLoad_InChildProcess_GivesBitIdenticalOutput()
    {
        using var directory = new TemporaryDirectory();
        var (mlContext, data, model, modelPath) = SaveChainWithLearnedState(directory);

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreEqual(0, child.ExitCode, child.StandardError);
        DataViewAssert.BitIdentical(model.Transform(data), child.Output!, "Features", "LabelCopy");
    }

    [TestMethod]
    public void ModelLoad_SameProcess_RestoresLearnedState()
    {
        var (mlContext, data, model) = FitChainWithLearnedState();
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var loaded = mlContext.Model.Load(stream, out var inputSchema);

        Assert.IsNotNull(inputSchema.GetColumnOrNull("Pixels"));
        var normalizer = ((IEnumerable<ITransformer>)loaded).OfType<NormalizePixelsTransformer>().Single();
        var learned = ((IEnumerable<ITransformer>)model).OfType<NormalizePixelsTransformer>().Single();
        Assert.AreEqual(learned.Statistics, normalizer.Statistics);
        DataViewAssert.BitIdentical(model.Transform(data), loaded.Transform(data), "Features");
    }

    [TestMethod]
    public void ModelLoad_TruncatedZip_ThrowsNamingTheProblem()
    {
        using var directory = new TemporaryDirectory();
        var (mlContext, data, model, modelPath) = SaveChainWithLearnedState(directory);
        var bytes = File.ReadAllBytes(modelPath);
        File.WriteAllBytes(modelPath, bytes[..(bytes.Length / 2)]);

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreNotEqual(0, child.ExitCode);
        StringAssert.Contains(child.StandardError, "MlNetMlp.ModelFormatException");
        StringAssert.Contains(child.StandardError, $"Model file '{modelPath}' is not a readable ML.NET model");
    }

    [TestMethod]
    public void ModelLoad_MissingFile_NamesThePath()
    {
        var mlContext = new MLContext();

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => ModelFile.Load(mlContext, "/nonexistent/model.zip", out _));

        StringAssert.Contains(error.Message, "/nonexistent/model.zip");
    }

    [TestMethod]
    public void ModelLoad_CorruptedValueInOurEntry_NamesComponentAndValue()
    {
        using var directory = new TemporaryDirectory();
        var (mlContext, data, model, modelPath) = SaveChainWithLearnedState(directory);
        // Parameters: "Features" and "Pixels" (length-prefixed), then maxPixelValue.
        ModelZipEntry.RewriteParameters(modelPath, NormalizePixelsTransformer.LoaderSignature, body => BitConverter.GetBytes(-1f).CopyTo(body, 9 + 7));

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreNotEqual(0, child.ExitCode);
        StringAssert.Contains(child.StandardError, "The saved NormalizePixels transformer is corrupt: maxPixelValue is -1");
    }

    [TestMethod]
    public void ModelLoad_CorruptedZipBytes_ThrowsModelFormatException()
    {
        using var directory = new TemporaryDirectory();
        var (mlContext, data, model, modelPath) = SaveChainWithLearnedState(directory);
        var bytes = File.ReadAllBytes(modelPath);
        for (var i = 40; i < bytes.Length / 2; i += 7)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(modelPath, bytes);

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreNotEqual(0, child.ExitCode);
        StringAssert.Contains(child.StandardError, $"Model file '{modelPath}'");
    }

    [TestMethod]
    public void ModelLoad_NewerFormatVersion_SaysToUpgrade()
    {
        using var directory = new TemporaryDirectory();
        var (mlContext, data, model, modelPath) = SaveChainWithLearnedState(directory);
        // ML.NET's entry header: ModelVerWritten at 0x48 and ModelVerReadable at 0x4C (little-endian uint).
        ModelZipEntry.Rewrite(modelPath, NormalizePixelsTransformer.LoaderSignature, body =>
        {
            BitConverter.GetBytes(99u).CopyTo(body, 0x48);
            BitConverter.GetBytes(99u).CopyTo(body, 0x4C);
        });

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreNotEqual(0, child.ExitCode);
        StringAssert.Contains(child.StandardError, "MlNetMlp.ModelFormatException");
        StringAssert.Contains(child.StandardError, "format version 99");
        StringAssert.Contains(child.StandardError, "Upgrade MlNetMlp");
    }

    private static (MLContext, IDataView, ITransformer) FitChainWithLearnedState()
    {
        var mlContext = new MLContext(seed: 7);
        var data = mlContext.Data.LoadFromEnumerable(new[]
        {
            new Image { Pixels = [0, 64, 128, 255], Label = 1 },
            new Image { Pixels = [255, 255, 0, 3], Label = 0 },
            new Image { Pixels = [17, 33, 99, 201], Label = 1 },
        });
        var pipeline = mlContext.Transforms.CopyColumns("LabelCopy", "Label")
            .Append(mlContext.Transforms.NormalizePixels("Features", "Pixels", standardize: true));
        return (mlContext, data, pipeline.Fit(data));
    }

    private static (MLContext, IDataView, ITransformer, string) SaveChainWithLearnedState(TemporaryDirectory directory)
    {
        var (mlContext, data, model) = FitChainWithLearnedState();
        var modelPath = directory.File("model.zip");
        mlContext.Model.Save(model, data.Schema, modelPath);
        return (mlContext, data, model, modelPath);
    }
}
