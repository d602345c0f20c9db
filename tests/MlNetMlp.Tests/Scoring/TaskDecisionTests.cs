using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring;

/// <summary>
/// The task is decided in one place, from the label's type: what <c>GetOutputSchema</c> promises is what <c>Fit</c>
/// produces, for every label kind and task, vector labels included, and the data never changes the task.
/// </summary>
[TestClass]
public sealed class TaskDecisionTests
{
    public static IEnumerable<object[]> LabelsAndTasks =>
    [
        ["key with class names", MlpTask.Auto, MlpTask.MulticlassClassification],
        ["key without class names", MlpTask.Auto, MlpTask.MulticlassClassification],
        ["Boolean", MlpTask.Auto, MlpTask.BinaryClassification],
        ["Single", MlpTask.Auto, MlpTask.Regression],
        ["Double", MlpTask.Auto, MlpTask.Regression],
        ["Single of 0 and 1", MlpTask.BinaryClassification, MlpTask.BinaryClassification],
        ["one-hot vector", MlpTask.Auto, MlpTask.MulticlassClassification],
        ["one-hot vector", MlpTask.MulticlassClassification, MlpTask.MulticlassClassification],
        ["multi-hot vector", MlpTask.MultilabelClassification, MlpTask.MultilabelClassification],
        ["vector of values", MlpTask.Regression, MlpTask.Regression],
    ];

    [TestMethod]
    [DynamicData(nameof(LabelsAndTasks))]
    public void GetOutputSchema_EveryLabelKind_PromisesExactlyWhatFitProduces(string label, MlpTask requested, MlpTask expected)
    {
        var mlContext = new MLContext(seed: 1);
        var data = Labelled(mlContext, label);
        var trainer = mlContext.Mlp(new MlpOptions { Task = requested, HiddenLayers = [4], Epochs = 1, Seed = 1 });

        var promised = trainer.GetOutputSchema(ColumnRequirements.ShapeOf(data.Schema));
        var model = trainer.Fit(data);
        var produced = ColumnRequirements.ShapeOf(model.Transform(data).Schema);

        Assert.AreEqual(expected, model.Model.Task);
        var added = produced.Where(c => data.Schema.GetColumnOrNull(c.Name) is null).Select(c => c.Name).ToList();
        CollectionAssert.AreEquivalent(added, promised.Where(c => data.Schema.GetColumnOrNull(c.Name) is null).Select(c => c.Name).ToList());
        foreach (var name in added)
        {
            var promise = promised.Single(c => c.Name == name);
            var actual = produced.Single(c => c.Name == name);
            Assert.AreEqual(actual.Kind, promise.Kind, $"{label}: '{name}' vector kind");
            Assert.AreEqual(actual.ItemType, promise.ItemType, $"{label}: '{name}' item type");
            Assert.AreEqual(actual.IsKey, promise.IsKey, $"{label}: '{name}' key");
            CollectionAssert.AreEquivalent(actual.Annotations.Select(a => a.Name).ToList(), promise.Annotations.Select(a => a.Name).ToList(), $"{label}: '{name}' annotations");
        }
    }

    [TestMethod]
    public void Fit_AutoWithMultiHotVectorLabel_ThrowsNamingRowAndTheTaskToSet()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Labelled(mlContext, "multi-hot vector");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 1 }).Fit(data));

        StringAssert.StartsWith(error.Message, "Column 'Label', row ");
        StringAssert.Contains(error.Message, "expected a one-hot (or non-negative, summing to 1) row for multiclass classification, found [");
        StringAssert.Contains(error.Message, "set it to MultilabelClassification");
    }

    [TestMethod]
    public void Fit_OneHotLabelWithAnAllZeroRow_StaysMulticlassAndNamesTheRow()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Blobs.Create(10, seed: 2).Select((r, i) => new VectorRow { Features = r.Features, Label = i == 7 ? [0, 0, 0] : OneHot(r.Class) }).ToList();
        var data = mlContext.Data.LoadFromEnumerable(rows);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 1 }).Fit(data));

        StringAssert.StartsWith(error.Message, "Column 'Label', row 7: expected a one-hot (or non-negative, summing to 1) row for multiclass classification, found [0, 0, 0].");
        StringAssert.Contains(error.Message, "OneHotLabels(allZerosForUnseen: true)");
    }

    [TestMethod]
    public void GetOutputSchema_TaskThatDoesNotFitTheLabel_ThrowsBeforeAnyData()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Labelled(mlContext, "Boolean");
        var trainer = mlContext.Mlp(new MlpOptions { Task = MlpTask.MulticlassClassification });

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => trainer.GetOutputSchema(ColumnRequirements.ShapeOf(data.Schema)));

        Assert.AreEqual("Column 'Label': expected a label that MulticlassClassification can use (Key<UInt32>, or a one-hot vector of Single), found Boolean.", error.Message);
    }

    private static IDataView Labelled(MLContext mlContext, string label)
    {
        var rows = Blobs.Create(10, seed: 2);
        var random = new Random(3);
        return label switch
        {
            "key with class names" => mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class)).Fit(mlContext.Data.LoadFromEnumerable(rows)).Transform(mlContext.Data.LoadFromEnumerable(rows)),
            "key without class names" => mlContext.Data.LoadFromEnumerable(rows.Select(r => new KeyRow { Features = r.Features, Label = (uint)Array.IndexOf(new[] { "red", "green", "blue" }, r.Class) })),
            "Boolean" => mlContext.Data.LoadFromEnumerable(rows.Select(r => new BooleanRow { Features = r.Features, Label = r.IsFirst })),
            "Single" => mlContext.Data.LoadFromEnumerable(rows.Select(r => new SingleRow { Features = r.Features, Label = r.Features[0] * 2 })),
            "Single of 0 and 1" => mlContext.Data.LoadFromEnumerable(rows.Select(r => new SingleRow { Features = r.Features, Label = r.IsFirst ? 1 : 0 })),
            "Double" => mlContext.Data.LoadFromEnumerable(rows.Select(r => new DoubleRow { Features = r.Features, Label = r.Features[1] })),
            "one-hot vector" => WithSlotNames(mlContext, rows.Select(r => new VectorRow { Features = r.Features, Label = OneHot(r.Class) })),
            "multi-hot vector" => WithSlotNames(mlContext, rows.Select(r => new VectorRow { Features = r.Features, Label = [1, r.IsFirst ? 1 : 0, random.Next(2)] })),
            _ => WithSlotNames(mlContext, rows.Select(r => new VectorRow { Features = r.Features, Label = [r.Features[0], -r.Features[1], 0.5f] })),
        };
    }

    private static IDataView WithSlotNames(MLContext mlContext, IEnumerable<VectorRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(VectorRow));
        var names = new VBuffer<ReadOnlyMemory<char>>(3, new[] { "red", "green", "blue" }.Select(n => n.AsMemory()).ToArray());
        schema["Label"].AddAnnotation("SlotNames", names, new VectorDataViewType(TextDataViewType.Instance, 3));
        return mlContext.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    private static float[] OneHot(string name) => [name == "red" ? 1 : 0, name == "green" ? 1 : 0, name == "blue" ? 1 : 0];

    private sealed class KeyRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        /// <summary>The class index from 0; LoadFromEnumerable turns it into key 1..3.</summary>
        [KeyType(3)]
        public uint Label { get; set; }
    }

    private sealed class BooleanRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class SingleRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class DoubleRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public double Label { get; set; }
    }

    private sealed class VectorRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        [VectorType(3)]
        public float[] Label { get; set; } = [];
    }
}
