using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Trainers.Torch;

namespace MlNetMlp.Tests.Scoring;

/// <summary>
/// The MLP exported with <c>ConvertToOnnx</c> scores in ONNX Runtime as the ML.NET transformer does, for every task and
/// every activation: the same columns, Single values within 1e-5, the same labels.
/// </summary>
[TestClass]
public sealed class MlpOnnxExportTests
{
    private const int Inputs = 12;

    private static readonly MlpActivation[] HiddenActivations =
        [MlpActivation.Linear, MlpActivation.Relu, MlpActivation.Sigmoid, MlpActivation.Tanh, MlpActivation.Elu, MlpActivation.Gelu, MlpActivation.Softmax, MlpActivation.Selu, MlpActivation.Silu, MlpActivation.Mish];

    public static IEnumerable<object[]> TasksAndActivations =>
        from task in new[] { MlpTask.MulticlassClassification, MlpTask.BinaryClassification, MlpTask.MultilabelClassification, MlpTask.Regression }
        from activation in HiddenActivations
        select new object[] { task, activation };

    [TestMethod]
    [DynamicData(nameof(TasksAndActivations))]
    public void ConvertToOnnx_EveryTaskAndActivation_ScoresAsTheTransformer(MlpTask task, MlpActivation activation)
    {
        var mlContext = new MLContext(seed: 1);
        var (definition, kind, units) = task switch
        {
            MlpTask.MulticlassClassification => (TaskDefinition.Multiclass, LabelKind.Key, 4),
            MlpTask.BinaryClassification => (TaskDefinition.Binary, LabelKind.Boolean, 1),
            MlpTask.MultilabelClassification => (TaskDefinition.Multilabel, LabelKind.Vector, 3),
            _ => (TaskDefinition.Regression, activation == MlpActivation.Relu ? LabelKind.Vector : LabelKind.Number, activation == MlpActivation.Relu ? 2 : 1),
        };
        var transformer = RandomTransformer(definition, kind, units, activation);
        var data = mlContext.Data.LoadFromEnumerable(RandomRows(300, seed: 3), SchemaFor(mlContext));
        using var directory = new TemporaryDirectory();

        using var onnx = OnnxModel.Export(mlContext, transformer, data, directory.File("mlp.onnx"));
        var scored = transformer.Transform(data);

        var columns = definition.Columns(kind).Select(c => c.Name).ToArray();
        var largest = OnnxAgreement.AssertSame(scored, onnx.Run(data), columns);
        Console.WriteLine($"{task}, hidden {activation}: {string.Join(", ", columns)} agree; largest difference {largest:E2}");
    }

    [TestMethod]
    public void ApplyOnnxModel_ExportedMlp_GivesTheTransformersColumnsAndValues()
    {
        var mlContext = new MLContext(seed: 1);
        var transformer = RandomTransformer(TaskDefinition.Multiclass, LabelKind.Key, 4, MlpActivation.Relu);
        var data = mlContext.Data.LoadFromEnumerable(RandomRows(50, seed: 3), SchemaFor(mlContext));
        using var directory = new TemporaryDirectory();
        using var onnx = OnnxModel.Export(mlContext, transformer, data, directory.File("mlp.onnx"));

        var applied = onnx.Apply(mlContext, data, "Score", "PredictedLabel");

        OnnxAgreement.AssertSame(transformer.Transform(data), applied, "Score", "PredictedLabel");
    }

    [TestMethod]
    [DataRow(MlpTask.MulticlassClassification)]
    [DataRow(MlpTask.BinaryClassification)]
    [DataRow(MlpTask.Regression)]
    public void ConvertToOnnx_Ensemble_ScoresItsMeanAndSpreadAsTheTransformer(MlpTask task)
    {
        var mlContext = new MLContext(seed: 1);
        var definition = TaskDefinition.Of(task);
        var (kind, units) = task switch
        {
            MlpTask.MulticlassClassification => (LabelKind.Key, 4),
            MlpTask.BinaryClassification => (LabelKind.Boolean, 1),
            _ => (LabelKind.Number, 1),
        };
        var members = Enumerable.Range(0, 3).Select(seed => RandomModel(definition, units, MlpActivation.Relu, seed)).ToList();
        var ensemble = new MlpEnsembleTransformer(members, new LabelLayout(definition, kind, units, null), "Features", "Label");
        var data = mlContext.Data.LoadFromEnumerable(RandomRows(200, seed: 4), SchemaFor(mlContext));
        using var directory = new TemporaryDirectory();

        using var onnx = OnnxModel.Export(mlContext, ensemble, data, directory.File("ensemble.onnx"));

        var columns = ensemble.GetOutputSchema(data.Schema).Skip(data.Schema.Count).Select(c => c.Name).ToArray();
        var largest = OnnxAgreement.AssertSame(ensemble.Transform(data), onnx.Run(data), columns);
        Console.WriteLine($"Ensemble of 3, {task}: {string.Join(", ", columns)} agree; largest difference {largest:E2}");
    }

    [TestMethod]
    public void ConvertToOnnx_MonteCarloDropout_IsRefusedNamingTheDeterministicAlternative()
    {
        var mlContext = new MLContext(seed: 1);
        var transformer = RandomTransformer(TaskDefinition.Binary, LabelKind.Boolean, 1, MlpActivation.Relu).WithMonteCarloDropout(samples: 5);
        var data = mlContext.Data.LoadFromEnumerable(RandomRows(5, seed: 3), SchemaFor(mlContext));
        using var stream = new MemoryStream();

        var error = Assert.ThrowsExactly<OnnxExportException>(() => mlContext.Model.ConvertToOnnx(transformer, data, stream));

        StringAssert.StartsWith(error.Message, "MLP transformer (columns 'Score', 'Probability', 'PredictedLabel', 'ProbabilityMean', 'ProbabilityStdDev') cannot be exported to ONNX: its Monte Carlo dropout columns");
        Assert.AreEqual(0, stream.Length);
    }

    internal static MlpTransformer RandomTransformer(TaskDefinition task, LabelKind kind, int units, MlpActivation hidden) =>
        new(RandomModel(task, units, hidden, seed: 7), new LabelLayout(task, kind, units, null), "Features", "Label");

    private static MlpModel RandomModel(TaskDefinition task, int units, MlpActivation hidden, int seed)
    {
        var architecture = new NetworkArchitecture(Inputs, [MlpLayer.Dense(16, hidden), MlpLayer.Dropout(0.5f), MlpLayer.Dense(8, hidden)], units, task.OutputActivation, task.Loss);
        using var network = new MlpNetwork(architecture, MlpKernelInitializer.GlorotUniform, seed);
        return new MlpModel(architecture, network.ExportWeights(), task.Task, []);
    }

    private static SchemaDefinition SchemaFor(MLContext mlContext)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Inputs);
        return schema;
    }

    private static List<FeatureRow> RandomRows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new FeatureRow
        {
            Features = [.. Enumerable.Range(0, Inputs).Select(i => i % 4 == 0 ? 0f : (float)(random.NextDouble() * 4 - 2))],
        })];
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }
}
