using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Pipelines;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Transforms;

namespace MlNetMlp.Tests.Pipelines;

/// <summary>
/// The recipes trained on real data, exported with ML.NET's <c>ConvertToOnnx</c> and scored in ONNX Runtime, directly and
/// through ML.NET's <c>ApplyOnnxModel</c>, on a few hundred rows of the real test sets: scores within 1e-5, same labels.
/// </summary>
[TestClass]
public sealed class RecipeOnnxExportTests
{
    /// <summary>The IMDb recipe trained once for the class on 600 real training reviews, and 300 real test reviews (150 of each label).</summary>
    private static ImdbModel s_imdb = null!;

    [TestMethod]
    public void ConvertToOnnx_MnistRecipe_ScoresTheRealTestSetAsMlNet()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(SharedDatasets.Mnist(DataSplit.Train), 2000);
        var test = mlContext.Data.TakeRows(SharedDatasets.Mnist(DataSplit.Test), 400);
        var options = MnistPipeline.CreateMlpOptions(epochs: 2);
        options.Seed = 3;
        var model = MnistPipeline.Create(mlContext, options).Fit(train);
        using var directory = new TemporaryDirectory();

        using var onnx = OnnxModel.Export(mlContext, model, test, directory.File("mnist.onnx"));
        var scored = model.Transform(test);

        var direct = OnnxAgreement.AssertSame(scored, onnx.Run(test), "Score", "PredictedLabel");
        var applied = OnnxAgreement.AssertSame(scored, onnx.Apply(mlContext, test, "Score", "PredictedLabel"), "Score", "PredictedLabel");
        var accuracy = mlContext.MulticlassClassification.Evaluate(scored).MicroAccuracy;
        Console.WriteLine($"MNIST 784-512-10, 400 real test digits: ONNX Runtime agrees (largest score difference {direct:E2}, via ApplyOnnxModel {applied:E2}); " +
            $"accuracy {accuracy:P1}; {new FileInfo(onnx.Path).Length:N0} bytes");
        Assert.IsGreaterThan(0.85, accuracy);
    }

    [TestMethod]
    public void ConvertToOnnx_ImdbRecipe_RefusesWordIndexAndWritesNothing()
    {
        using var stream = new MemoryStream();

        var error = Assert.ThrowsExactly<OnnxExportException>(() => s_imdb.Context.Model.ConvertToOnnx(s_imdb.Model, s_imdb.Test, stream));

        StringAssert.StartsWith(error.Message, $"WordIndex transformer (column '{ImdbPipeline.WordIndicesColumnName}') cannot be exported to ONNX");
        StringAssert.Contains(error.Message, "StringConcat");
        Assert.AreEqual(0, stream.Length);
    }

    [TestMethod]
    public void ConvertToOnnx_ImdbRecipeFromTheWordIndices_ScoresTheRealTestSetAsMlNet()
    {
        var (mlContext, model, wordIndex, test) = s_imdb;
        var fromWordIndices = new TransformerChain<ITransformer>([.. model.Steps().Skip(1)]);
        var indexed = wordIndex.Transform(test);
        using var directory = new TemporaryDirectory();

        using var onnx = OnnxModel.Export(mlContext, fromWordIndices, WordIndicesOnly(mlContext), directory.File("imdb.onnx"));
        var scored = model.Transform(test);

        string[] columns = ["Score", "Probability", "PredictedLabel"];
        var direct = OnnxAgreement.AssertSame(scored, onnx.Run(indexed, padding: -1), columns);
        // ApplyOnnxModel feeds one row at a time when a graph input has a free dimension, so its rows need no padding.
        var applied = OnnxAgreement.AssertSame(scored, onnx.Apply(mlContext, indexed, columns), columns);
        var accuracy = mlContext.BinaryClassification.Evaluate(scored).Accuracy;
        Console.WriteLine($"IMDb 10000-16-16-1 from the word indices, {CountRows(test)} real test reviews: ONNX Runtime agrees (largest difference {direct:E2}, " +
            $"via ApplyOnnxModel {applied:E2}); accuracy {accuracy:P1}; {new FileInfo(onnx.Path).Length:N0} bytes");
        Assert.IsGreaterThan(0.6, accuracy);
    }

    [ClassInitialize]
    public static void TrainImdb(TestContext context)
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 300));
        var test = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Test, 150));
        var options = ImdbPipeline.CreateMlpOptions(epochs: 4);
        options.BatchSize = 32;
        options.Seed = 5;
        var model = ImdbPipeline.Create(mlContext, options).Fit(train);
        s_imdb = new ImdbModel(mlContext, model, (WordIndexTransformer)model.Steps().First(), test);
    }

    private sealed record ImdbModel(MLContext Context, ITransformer Model, WordIndexTransformer WordIndex, IDataView Test);

    /// <summary>
    /// Data of the schema the exported tail reads, the word indices alone. The exporter walks a transformed view back
    /// through the steps that made it, so converting with WordIndex's output view would bring WordIndex back in.
    /// </summary>
    private static IDataView WordIndicesOnly(MLContext mlContext) => mlContext.Data.LoadFromEnumerable(new List<WordIndicesRow>());

    /// <summary>The steps of a fitted pipeline in order, nested chains (a recipe's preparation) flattened.</summary>
    private static IEnumerable<ITransformer> Steps(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain.SelectMany(Steps) : [model];

    private sealed class WordIndicesRow
    {
        [VectorType]
        public int[] WordIndices { get; set; } = [];
    }

    private static long CountRows(IDataView data) => data.GetColumn<bool>("Label").LongCount();
}
