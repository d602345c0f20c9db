using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Transforms;

namespace MlNetMlp.Tests.Transforms;

[TestClass]
public sealed class OneHotLabelsTests
{
    public sealed class IntLabel
    {
        public int Label { get; set; }
    }

    public sealed class TextLabel
    {
        public string Label { get; set; } = "";
    }

    public sealed class BoolLabel
    {
        public bool Label { get; set; }
    }

    public sealed class FloatLabel
    {
        public float Label { get; set; }
    }

    public sealed class VectorLabel
    {
        [VectorType(2)]
        public float[] Label { get; set; } = [];
    }

    [TestMethod]
    public void Transform_Digits_PutsTheOneAtTheDigit()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { 3, 7, 0, 9, 1, 2, 4, 5, 6, 8, 3 }.Select(d => new IntLabel { Label = d }));

        var model = mlContext.Transforms.OneHotLabels("Target", "Label").Fit(data);
        var rows = ColumnValues.Dense<float>(model.Transform(data), "Target");

        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f }, rows[0]);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f, 0f, 0f, 0f, 0f, 1f, 0f, 0f }, rows[1]);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 10), model.Transform(data).Schema["Target"].Type);
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(d => (object)d).ToArray(), model.Classes.ToArray());
    }

    [TestMethod]
    public void Transform_RealMnistLabels_OneHotMatchesEachLabel()
    {
        var mlContext = new MLContext(seed: 1);
        // MNIST's label key numbers digit d as d + 1 (ML.NET keys are 1-based); the transform is given the digit itself.
        var labels = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 1000)
            .GetColumn<uint>(MnistDataset.LabelColumnName).Select(key => (int)key - 1).ToArray();
        var data = mlContext.Data.LoadFromEnumerable(labels.Select(b => new IntLabel { Label = b }));

        var rows = ColumnValues.Dense<float>(mlContext.Transforms.OneHotLabels("Target", "Label").Fit(data).Transform(data), "Target");

        for (var i = 0; i < labels.Length; i++)
        {
            Assert.AreEqual(labels[i], Array.IndexOf(rows[i], 1f), $"row {i}");
            Assert.AreEqual(1f, rows[i].Sum(), $"row {i}");
        }
    }

    [TestMethod]
    public void Transform_TextLabels_OrdinalClassOrderWithSlotNamesAndMappingBothWays()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { "cat", "dog", "bird", "cat" }.Select(t => new TextLabel { Label = t }));
        var estimator = mlContext.Transforms.OneHotLabels("Target", "Label");

        var model = estimator.Fit(data);
        var output = model.Transform(data);

        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f }, ColumnValues.Dense<float>(output, "Target")[0]);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 1f }, ColumnValues.Dense<float>(output, "Target")[1]);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        output.Schema["Target"].GetSlotNames(ref slotNames);
        CollectionAssert.AreEqual(new[] { "bird", "cat", "dog" }, slotNames.DenseValues().Select(m => m.ToString()).ToArray());
        var promised = estimator.GetOutputSchema(ColumnRequirements.ShapeOf(data.Schema)).Single(c => c.Name == "Target");
        Assert.IsTrue(promised.Annotations.Any(c => c.Name == "SlotNames"), "GetOutputSchema promises slot names");
        Assert.AreEqual(2, model.GetIndex("dog"));
        Assert.AreEqual(1, model.GetIndex("cat".AsMemory()));
        Assert.AreEqual("bird", model.GetClass(0));
        Assert.IsFalse(model.TryGetIndex("cow", out _));
        Assert.ThrowsExactly<ArgumentException>(() => model.GetIndex(3));
        Assert.AreEqual(3, model.ClassCount);
    }

    [TestMethod]
    public void GetOutputSchema_PromisesWhatTransformProduces()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { 1, 2 }.Select(d => new IntLabel { Label = d }));

        EstimatorAssert.KeepsSchemaPromise(mlContext.Transforms.OneHotLabels("Target", "Label"), data, "Target");
    }

    [TestMethod]
    public void Transform_BoolLabels_FalseThenTrue()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { true, false }.Select(b => new BoolLabel { Label = b }));

        var model = mlContext.Transforms.OneHotLabels("Target", "Label").Fit(data);

        CollectionAssert.AreEqual(new[] { 0f, 1f }, ColumnValues.Dense<float>(model.Transform(data), "Target")[0]);
        CollectionAssert.AreEqual(new[] { "False", "True" }, model.ClassNames.ToArray());
        Assert.AreEqual(true, model.GetClass(1));
    }

    [TestMethod]
    public void Transform_KeyLabels_KeyKAtPositionKMinusOneWithKeyValueNames()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { "b", "a", "c", "a" }.Select(t => new TextLabel { Label = t }));
        var keyed = mlContext.Transforms.Conversion.MapValueToKey("Key", "Label").Fit(data).Transform(data);

        var model = mlContext.Transforms.OneHotLabels("Target", "Key").Fit(keyed);
        var rows = ColumnValues.Dense<float>(model.Transform(keyed), "Target");

        // MapValueToKey numbers by first occurrence: b = 1, a = 2, c = 3.
        CollectionAssert.AreEqual(new[] { 1f, 0f, 0f }, rows[0]);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f }, rows[1]);
        CollectionAssert.AreEqual(new[] { "b", "a", "c" }, model.ClassNames.ToArray());
        Assert.AreEqual(2u, model.GetClass(1));
        Assert.AreEqual(2, model.GetIndex(3u));
    }

    [TestMethod]
    public void Transform_UnseenLabel_ThrowsNamingRowAndLabel()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(new[] { "a", "b" }.Select(t => new TextLabel { Label = t }));
        var test = mlContext.Data.LoadFromEnumerable(new[] { "a", "zebra" }.Select(t => new TextLabel { Label = t }));
        var output = mlContext.Transforms.OneHotLabels("Target", "Label").Fit(train).Transform(test);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ColumnValues.Dense<float>(output, "Target"));

        StringAssert.Contains(error.Message, "Column 'Label', row 1: expected one of the 2 labels seen by Fit (a, b), found zebra");
        StringAssert.Contains(error.Message, "allZerosForUnseen: true");
    }

    [TestMethod]
    public void Transform_UnseenLabelWithAllZerosOption_GivesAllZeroRow()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(new[] { 1, 2, 3 }.Select(d => new IntLabel { Label = d }));
        var test = mlContext.Data.LoadFromEnumerable(new[] { 2, 4 }.Select(d => new IntLabel { Label = d }));

        var rows = ColumnValues.Dense<float>(mlContext.Transforms.OneHotLabels("Target", "Label", allZerosForUnseen: true).Fit(train).Transform(test), "Target");

        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f }, rows[0]);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, rows[1]);
    }

    [TestMethod]
    public void Fit_NaNLabel_ThrowsNamingTheRow()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { 1f, float.NaN }.Select(v => new FloatLabel { Label = v }));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Transforms.OneHotLabels("Target", "Label").Fit(data));

        StringAssert.Contains(error.Message, "Column 'Label', row 1: expected a label, found NaN");
    }

    [TestMethod]
    public void Fit_EmptyData_Throws()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Array.Empty<IntLabel>());

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Transforms.OneHotLabels("Target", "Label").Fit(data));

        StringAssert.Contains(error.Message, "Column 'Label': expected rows to learn the classes from, found an empty data view");
    }

    [TestMethod]
    public void Fit_TooManyDistinctValues_ThrowsNamingTheLimit()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(d => new IntLabel { Label = d }));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Transforms.OneHotLabels("Target", "Label", maximumClassCount: 10).Fit(data));

        StringAssert.Contains(error.Message, "maximumClassCount=10");
    }

    [TestMethod]
    public void FitAndGetOutputSchema_VectorColumn_ThrowSchemaMismatch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new VectorLabel { Label = [0, 1] } });
        var estimator = mlContext.Transforms.OneHotLabels("Target", "Label");

        var (atFit, atSchema) = EstimatorAssert.RejectsSchema(estimator, data);

        StringAssert.Contains(atFit, "Column 'Label': expected a scalar label of an integer type, Single, Double, Text, Boolean or a key type, found Vector<Single, 2>");
        StringAssert.Contains(atSchema, "found a known-size Vector<Single>");
    }

    [TestMethod]
    public void Transform_OtherTypeThanFitted_ThrowsSchemaMismatch()
    {
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Transforms.OneHotLabels("Target", "Label").Fit(mlContext.Data.LoadFromEnumerable(new[] { new IntLabel { Label = 1 } }));
        var text = mlContext.Data.LoadFromEnumerable(new[] { new TextLabel { Label = "1" } });

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => model.Transform(text));

        StringAssert.Contains(error.Message, "Column 'Label': expected Int32, the type OneHotLabels was fitted on, found String");
    }

    [TestMethod]
    public void ModelLoad_InChildProcess_GivesBitIdenticalOutputAndSlotNames()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { "pos", "neg", "neutral", "neg" }.Select(t => new TextLabel { Label = t }));
        var model = mlContext.Transforms.OneHotLabels("Target", "Label").Fit(data);

        ChildProcessRoundTrip.AssertIdentical(mlContext, model, data, ["Target"], child =>
        {
            var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
            child.Schema["Target"].GetSlotNames(ref slotNames);
            CollectionAssert.AreEqual(new[] { "neg", "neutral", "pos" }, slotNames.DenseValues().Select(m => m.ToString()).ToArray());
        });
    }

    [TestMethod]
    public void ModelLoad_SameProcess_RestoresTheMapping()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { 2.5f, -1f, 7f }.Select(v => new FloatLabel { Label = v }));
        var model = mlContext.Transforms.OneHotLabels("Target", "Label").Fit(data);
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var loaded = (OneHotLabelsTransformer)mlContext.Model.Load(stream, out _);

        CollectionAssert.AreEqual(new object[] { -1f, 2.5f, 7f }, loaded.Classes.ToArray());
        Assert.AreEqual(1, loaded.GetIndex(2.5f));
        DataViewAssert.BitIdentical(model.Transform(data), loaded.Transform(data), "Target");
    }
}
