using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring.Layers;

/// <summary>
/// Every layer kind, trained in torch on real MNIST digits (the embedded sample) and on real IMDb reviews, computed the
/// four ways (<see cref="NetworkAgreement"/>): torch, the managed pass, ONNX Runtime and another process after save and
/// load. Each kind sits between two dense layers whose activations cover the newer ones (SELU with its LecunNormal
/// kernels, SiLU, Mish, GELU).
/// </summary>
[TestClass]
public sealed class LayerKindAgreementTests
{
    public static IEnumerable<object[]> Kinds =>
    [
        ["Dense", MlpLayer.Dense(24, MlpActivation.Elu, l2: 1e-4f), MlpActivation.Selu],
        ["Dropout", MlpLayer.Dropout(0.3f), MlpActivation.Silu],
        ["BatchNormalization", MlpLayer.BatchNormalization(), MlpActivation.Mish],
        ["BatchNormalization without center and scale", MlpLayer.BatchNormalization(momentum: 0.9f, center: false, scale: false), MlpActivation.Relu],
        ["LayerNormalization", MlpLayer.LayerNormalization(), MlpActivation.Gelu],
        ["GaussianNoise", MlpLayer.GaussianNoise(0.2f), MlpActivation.Tanh],
    ];

    [TestMethod]
    [DynamicData(nameof(Kinds))]
    public void Fit_MnistWithTheKind_TorchManagedOnnxAndAnotherProcessAgree(string kind, MlpLayer layer, MlpActivation activation)
    {
        var mlContext = new MLContext(seed: 1);
        var (train, test) = MnistFeatures(mlContext, trainRows: 1500, testRows: 300);
        var transformer = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            Layers = [MlpLayer.Dense(48, activation), layer, MlpLayer.Dense(24, activation)],
            Epochs = 3,
            BatchSize = 64,
            Seed = 3,
        }).Fit(train);

        var (torchDifference, onnxDifference) = NetworkAgreement.AssertAllAgree(mlContext, transformer, test);

        var accuracy = mlContext.MulticlassClassification.Evaluate(transformer.Transform(test)).MicroAccuracy;
        Console.WriteLine($"{kind}: accuracy {accuracy:F3}; largest difference torch {torchDifference:E2}, ONNX {onnxDifference:E2}");
        Assert.IsGreaterThan(0.7, accuracy, $"{kind} learns");
    }

    [TestMethod]
    public void Fit_MnistWithEveryKind_TorchManagedOnnxAndAnotherProcessAgree()
    {
        var mlContext = new MLContext(seed: 1);
        var (train, test) = MnistFeatures(mlContext, trainRows: 2000, testRows: 400);
        var transformer = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { Layers = EveryKind(), Epochs = 4, BatchSize = 64, Seed = 4 }).Fit(train);

        var (torchDifference, onnxDifference) = NetworkAgreement.AssertAllAgree(mlContext, transformer, test);

        var accuracy = mlContext.MulticlassClassification.Evaluate(transformer.Transform(test)).MicroAccuracy;
        Console.WriteLine($"MNIST, every kind: accuracy {accuracy:F3}; largest difference torch {torchDifference:E2}, ONNX {onnxDifference:E2}");
        Assert.IsGreaterThan(0.7, accuracy);
    }

    [TestMethod]
    public void Fit_ImdbWithEveryKind_TorchManagedOnnxAndAnotherProcessAgree()
    {
        var mlContext = new MLContext(seed: 1);
        var featurize = mlContext.Transforms.WordIndex("Sequence", ImdbDataset.TextColumnName, numWords: 5000)
            .Append(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 5000));
        var reviews = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 600));
        var prepare = featurize.Fit(reviews);
        var train = mlContext.Data.ShuffleRows(prepare.Transform(reviews), seed: 2);
        using var directory = new TemporaryDirectory();
        var test = Materialized(mlContext, prepare.Transform(mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Test, 150))), directory.File("test.idv"));
        var transformer = mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { Layers = EveryKind(), Epochs = 4, BatchSize = 64, Seed = 5 }).Fit(train);

        var (torchDifference, onnxDifference) = NetworkAgreement.AssertAllAgree(mlContext, transformer, test);

        var accuracy = mlContext.BinaryClassification.Evaluate(transformer.Transform(test)).Accuracy;
        Console.WriteLine($"IMDb, every kind: accuracy {accuracy:F3}; largest difference torch {torchDifference:E2}, ONNX {onnxDifference:E2}");
        Assert.IsGreaterThan(0.65, accuracy);
    }

    /// <summary>A network with every layer kind and every newer activation.</summary>
    private static MlpLayer[] EveryKind() =>
    [
        MlpLayer.GaussianNoise(0.05f),
        MlpLayer.Dense(64, MlpActivation.Selu),
        MlpLayer.BatchNormalization(),
        MlpLayer.Dropout(0.2f),
        MlpLayer.Dense(32, MlpActivation.Mish),
        MlpLayer.LayerNormalization(),
        MlpLayer.Dense(16, MlpActivation.Silu),
        MlpLayer.Dense(16, MlpActivation.Gelu),
    ];

    /// <summary>The features and label alone, read back from ML.NET's binary format: data with no transforms behind it, as ONNX export wants.</summary>
    private static IDataView Materialized(MLContext mlContext, IDataView data, string path)
    {
        using (var file = File.Create(path))
        {
            mlContext.Data.SaveAsBinary(mlContext.Transforms.SelectColumns("Features", "Label").Fit(data).Transform(data), file);
        }

        return mlContext.Data.LoadFromBinary(path);
    }

    /// <summary>The embedded MNIST sample's pixels scaled to [0, 1] as <c>Features</c>, training rows shuffled.</summary>
    private static (IDataView Train, IDataView Test) MnistFeatures(MLContext mlContext, int trainRows, int testRows)
    {
        var pixels = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), trainRows);
        var prepare = pixels.Fit(train);
        return (mlContext.Data.ShuffleRows(prepare.Transform(train), seed: 1), prepare.Transform(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), testRows)));
    }
}
