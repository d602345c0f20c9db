using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Model;
using MlNetMlp.Network;
using MlNetMlp.Tasks;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Torch;
using MlNetMlp.Trainers;

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
        [MlpActivation.Linear, MlpActivation.Relu, MlpActivation.Sigmoid, MlpActivation.Tanh, MlpActivation.Elu, MlpActivation.Gelu, MlpActivation.Softmax];

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

    internal static MlpTransformer RandomTransformer(TaskDefinition task, LabelKind kind, int units, MlpActivation hidden)
    {
        var architecture = new NetworkArchitecture(Inputs, [MlpLayer.Dense(16, hidden), MlpLayer.Dropout(0.5f), MlpLayer.Dense(8, hidden)], units, task.OutputActivation, task.Loss);
        using var network = new MlpNetwork(architecture, MlpKernelInitializer.GlorotUniform, seed: 7);
        var model = new MlpModel(architecture, network.ExportWeights(), task.Task, []);
        return new MlpTransformer(model, new LabelLayout(task, kind, units, null), "Features", "Label");
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
