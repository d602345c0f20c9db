using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Tests.Scoring;

namespace MlNetMlp.Tests.Core;

/// <summary>
/// A pipeline with a step that cannot be exported fails the whole export with an error naming that step, before
/// anything is written; ML.NET's exporter would otherwise leave the step out and export the rest over the raw input.
/// </summary>
[TestClass]
public sealed class OnnxExportErrorTests
{
    public sealed class Row
    {
        [VectorType(12)]
        public float[] Raw { get; set; } = new float[12];
    }

    public sealed class Mapped
    {
        [VectorType(12)]
        public float[] Features { get; set; } = new float[12];
    }

    [TestMethod]
    public void ConvertToOnnx_CustomMappingBeforeTheMlp_NamesTheStepThatCannotExport()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<Row>([new(), new()]);
        var mapping = mlContext.Transforms.CustomMapping<Row, Mapped>((row, mapped) => mapped.Features = [.. row.Raw.Select(v => v * 2)], contractName: null).Fit(data);
        var mlp = MlpOnnxExportTests.RandomTransformer(TaskDefinition.Binary, LabelKind.Boolean, 1, MlpActivation.Relu);
        var pipeline = new TransformerChain<ITransformer>(mapping, mlp);
        using var stream = new MemoryStream();

        var error = Assert.ThrowsExactly<OnnxExportException>(() => mlContext.Model.ConvertToOnnx(pipeline, data, stream));

        StringAssert.StartsWith(error.Message,
            "MLP transformer (columns 'Score', 'Probability', 'PredictedLabel') cannot be exported to ONNX: its input column 'Features' is not in the ONNX graph: " +
            "it comes from the step CustomMappingTransformer, which cannot be exported.");
        Assert.AreEqual(0, stream.Length);
    }

    [TestMethod]
    public void ConvertToOnnx_MlpOverAnExportableMlNetStep_ExportsBoth()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<Row>([new() { Raw = [.. Enumerable.Range(0, 12).Select(i => (float)i)] }]);
        var pipeline = mlContext.Transforms.CopyColumns("Features", "Raw").Fit(data).Append(
            MlpOnnxExportTests.RandomTransformer(TaskDefinition.Regression, LabelKind.Number, 1, MlpActivation.Tanh));
        using var directory = new TemporaryDirectory();

        using var onnx = OnnxModel.Export(mlContext, pipeline, data, directory.File("pipeline.onnx"));

        OnnxAgreement.AssertSame(pipeline.Transform(data), onnx.Run(data), "Score");
        CollectionAssert.AreEquivalent(new[] { "Raw" }, onnx.InputNames.ToArray());
    }

    [TestMethod]
    public void Save_TransformedView_SaysToSaveTheTransformer()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<Mapped>([new()]);
        var view = MlpOnnxExportTests.RandomTransformer(TaskDefinition.Binary, LabelKind.Boolean, 1, MlpActivation.Relu).Transform(data);

        var error = Assert.ThrowsExactly<NotSupportedException>(() => ((ICanSaveModel)view).Save(null!));

        StringAssert.Contains(error.Message, "save the fitted transformer with mlContext.Model.Save");
    }
}
