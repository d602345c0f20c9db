using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>Trained MLPs save into ML.NET's model .zip and load back, in this process and in another.</summary>
[TestClass]
public sealed class MlpPersistenceTests
{
    [TestMethod]
    public void ModelLoad_MulticlassInChildProcess_GivesBitIdenticalPredictions()
    {
        var (mlContext, data, model) = FitMulticlass();
        using var directory = new TemporaryDirectory();
        var modelPath = directory.File("mlp.zip");
        mlContext.Model.Save(model, data.Schema, modelPath);

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreEqual(0, child.ExitCode, child.StandardError);
        DataViewAssert.BitIdentical(model.Transform(data), child.Output!, "Score", "PredictedLabel");
    }

    [TestMethod]
    public void ModelLoad_BinaryInChildProcess_GivesBitIdenticalPredictions()
    {
        var mlContext = new MLContext(seed: 2);
        var data = mlContext.Data.LoadFromEnumerable(Blobs.Create(30, seed: 4));
        var pipeline = mlContext.Transforms.CopyColumns("Label", nameof(Blobs.Row.IsFirst))
            .Append(mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(8, MlpActivation.Relu, l2: 0.001f), MlpLayer.Dropout(0.3f)], Epochs = 5, Seed = 1 }));
        var model = pipeline.Fit(data);
        using var directory = new TemporaryDirectory();
        var modelPath = directory.File("binary.zip");
        mlContext.Model.Save(model, data.Schema, modelPath);

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreEqual(0, child.ExitCode, child.StandardError);
        DataViewAssert.BitIdentical(model.Transform(data), child.Output!, "Score", "Probability", "PredictedLabel");
    }

    [TestMethod]
    public void ModelLoad_WithoutOptions_RestoresArchitectureWeightsHistoryAndClassNames()
    {
        var (mlContext, data, model) = FitMulticlass();
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var loaded = mlContext.Model.Load(stream, out _);

        var original = model.LastTransformer.Model;
        var restored = ((IEnumerable<ITransformer>)loaded).OfType<MlpTransformer>().Single().Model;
        Assert.AreEqual(original.Summary(), restored.Summary());
        CollectionAssert.AreEqual(original.History.ToList(), restored.History.ToList());
        for (var layer = 0; layer < original.GetWeights().Count; layer++)
        {
            CollectionAssert.AreEqual(original.GetWeights()[layer].Kernel, restored.GetWeights()[layer].Kernel);
            CollectionAssert.AreEqual(original.GetWeights()[layer].Bias, restored.GetWeights()[layer].Bias);
        }

        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);
        loaded.Transform(data).Schema["PredictedLabel"].GetKeyValues(ref keyValues);
        CollectionAssert.AreEqual(new[] { "red", "green", "blue" }, keyValues.DenseValues().Select(v => v.ToString()).ToArray());
    }

    [TestMethod]
    public void Transform_LoadedModelOnLabelWithOtherKeyCount_ThrowsNamingBothCounts()
    {
        var (mlContext, data, model) = FitMulticlass();
        using var stream = new MemoryStream();
        mlContext.Model.Save(model.LastTransformer, data.Schema, stream);
        stream.Position = 0;
        var loaded = mlContext.Model.Load(stream, out _);
        var twoClasses = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class))
            .Fit(mlContext.Data.LoadFromEnumerable(Blobs.Create(5, seed: 1).Where(r => r.Class != "blue")))
            .Transform(mlContext.Data.LoadFromEnumerable(Blobs.Create(5, seed: 1).Where(r => r.Class != "blue")));

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => loaded.Transform(twoClasses));

        Assert.AreEqual("Column 'Label': expected a key of 3 classes, as the model was trained with, found a key of 2 classes.", error.Message);
    }

    [TestMethod]
    public void ModelLoad_SavedKeyCountDisagreesWithOutputLayer_ThrowsModelFormatException()
    {
        var (mlContext, data, model) = FitMulticlass();
        using var directory = new TemporaryDirectory();
        var modelPath = directory.File("mlp.zip");
        mlContext.Model.Save(model, data.Schema, modelPath);
        // Body: "Features" and "Label" (length-prefixed), task, label kind, then the output units (3 classes).
        var outputUnits = 9 + 6 + 4 + 4;
        ModelZipEntry.RewriteParameters(modelPath, MlpTransformer.LoaderSignature, body =>
        {
            Assert.AreEqual(3, BitConverter.ToInt32(body, outputUnits));
            BitConverter.GetBytes(4).CopyTo(body, outputUnits);
        });

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreNotEqual(0, child.ExitCode);
        StringAssert.Contains(child.StandardError, "MlNetMlp.ModelFormatException");
        StringAssert.Contains(child.StandardError, "The saved MLP transformer is corrupt: the label has 3 class names but the output layer has 4 units (key count mismatch).");
    }

    private static (MLContext, IDataView, TransformerChain<MlpTransformer>) FitMulticlass()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Blobs.Create(30, seed: 3));
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class))
            .Append(mlContext.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(16, MlpActivation.Relu, l2: 0.001f), MlpLayer.Dropout(0.5f)], Epochs = 5, Seed = 9, ValidationFraction = 0.2f }));
        return (mlContext, data, pipeline.Fit(data));
    }
}
