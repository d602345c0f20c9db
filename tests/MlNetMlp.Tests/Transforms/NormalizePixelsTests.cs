using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Transforms;

[TestClass]
public sealed class NormalizePixelsTests
{
    public sealed class BytePixels
    {
        [VectorType(4)]
        public byte[] Pixels { get; set; } = [];
    }

    public sealed class FloatPixels
    {
        [VectorType(3)]
        public float[] Pixels { get; set; } = [];
    }

    public sealed class Image28x28
    {
        [VectorType(28, 28)]
        public byte[] Pixels { get; set; } = [];
    }

    public sealed class UnsizedPixels
    {
        public float[] Pixels { get; set; } = [];
    }

    public sealed class TextPixels
    {
        public string Pixels { get; set; } = "";
    }

    [TestMethod]
    public void Transform_BytePixels_DividesBy255Exactly()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new BytePixels { Pixels = [0, 51, 102, 255] } });

        var output = mlContext.Transforms.NormalizePixels("Features", "Pixels").Fit(data).Transform(data);

        CollectionAssert.AreEqual(new[] { 0f, 0.2f, 0.4f, 1f }, ColumnValues.Dense<float>(output, "Features")[0]);
    }

    [TestMethod]
    public void Transform_RealMnist28x28_FlattensTo784ScaledPixels()
    {
        var mlContext = new MLContext(seed: 1);
        var images = ColumnValues.Dense<byte>(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 200), MnistDataset.PixelsColumnName);
        var data = mlContext.Data.LoadFromEnumerable(images.Select(pixels => new Image28x28 { Pixels = pixels }));
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Byte, 28, 28), data.Schema["Pixels"].Type);

        var output = mlContext.Transforms.NormalizePixels("Features", "Pixels").Fit(data).Transform(data);

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 784), output.Schema["Features"].Type);
        var rows = ColumnValues.Dense<float>(output, "Features");
        Assert.HasCount(200, rows);
        for (var row = 0; row < rows.Count; row++)
        {
            CollectionAssert.AreEqual(images[row].Select(b => (float)(b / 255.0)).ToArray(), rows[row], $"image {row}");
        }

        Assert.IsTrue(rows.SelectMany(r => r).Any(v => v == 1f), "real digits reach full intensity");
    }

    [TestMethod]
    public void GetOutputSchema_PromisesWhatTransformProduces()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new BytePixels { Pixels = [0, 51, 102, 255] } });

        EstimatorAssert.KeepsSchemaPromise(mlContext.Transforms.NormalizePixels("Features", "Pixels", standardize: true), data, "Features");
    }

    [TestMethod]
    public void Fit_Standardize_LearnsMeanAndDeviationOfScaledPixels()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[]
        {
            new BytePixels { Pixels = [0, 51, 102, 255] },
            new BytePixels { Pixels = [255, 255, 0, 51] },
        });

        var model = mlContext.Transforms.NormalizePixels("Features", "Pixels", standardize: true).Fit(data);

        // Scaled values 0, .2, .4, 1, 1, 1, 0, .2: mean 0.475, population variance 0.179375.
        Assert.IsNotNull(model.Statistics);
        Assert.AreEqual(0.475, model.Statistics.Mean, 1e-6);
        Assert.AreEqual(Math.Sqrt(0.179375), model.Statistics.StandardDeviation, 1e-6);
        var values = ColumnValues.Dense<float>(model.Transform(data), "Features").SelectMany(r => r).ToArray();
        Assert.AreEqual(0, values.Average(), 1e-6);
        Assert.AreEqual(1, Math.Sqrt(values.Average(v => (double)v * v)), 1e-5);
        Assert.AreEqual((0 - 0.475) / Math.Sqrt(0.179375), values[0], 1e-5);
    }

    [TestMethod]
    public void Transform_OutOfRangeWithClamp_ClampsToZeroAndOne()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new FloatPixels { Pixels = [-5f, 300f, 127.5f] } });

        var output = mlContext.Transforms.NormalizePixels("Features", "Pixels", clamp: true).Fit(data).Transform(data);

        CollectionAssert.AreEqual(new[] { 0f, 1f, 0.5f }, ColumnValues.Dense<float>(output, "Features")[0]);
    }

    [TestMethod]
    public void Transform_OutOfRangeWithoutClamp_ThrowsNamingColumnRowSlotAndValue()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[]
        {
            new FloatPixels { Pixels = [0f, 1f, 2f] },
            new FloatPixels { Pixels = [0f, 300f, 2f] },
        });
        var output = mlContext.Transforms.NormalizePixels("Features", "Pixels").Fit(data).Transform(data);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ColumnValues.Dense<float>(output, "Features"));

        StringAssert.Contains(error.Message, "Column 'Pixels', row 1, slot 1: expected a pixel value in [0, 255], found 300");
        StringAssert.Contains(error.Message, "clamp: true");
    }

    [TestMethod]
    public void Transform_NaNEvenWithClamp_ThrowsNamingNaN()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new FloatPixels { Pixels = [0f, float.NaN, 2f] } });
        var output = mlContext.Transforms.NormalizePixels("Features", "Pixels", clamp: true).Fit(data).Transform(data);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ColumnValues.Dense<float>(output, "Features"));

        StringAssert.Contains(error.Message, "Column 'Pixels', row 0, slot 1: expected a pixel value in [0, 255], found NaN");
        StringAssert.Contains(error.Message, "cannot be clamped");
    }

    [TestMethod]
    public void FitAndGetOutputSchema_VariableSizeVector_ThrowSchemaMismatch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new UnsizedPixels { Pixels = [1, 2] }, new UnsizedPixels { Pixels = [1, 2, 3] } });
        var estimator = mlContext.Transforms.NormalizePixels("Features", "Pixels");

        var (atFit, atSchema) = EstimatorAssert.RejectsSchema(estimator, data);

        StringAssert.Contains(atFit, "Column 'Pixels': expected a known-size vector of Byte, Single or Double, found Vector<Single> of unknown size");
        StringAssert.Contains(atSchema, "Column 'Pixels': expected a known-size vector of Byte, Single or Double, found Vector<Single> of unknown size");
    }

    [TestMethod]
    public void FitAndGetOutputSchema_TextColumn_ThrowSchemaMismatch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new TextPixels { Pixels = "0 1 2" } });
        var estimator = mlContext.Transforms.NormalizePixels("Features", "Pixels");

        var (atFit, atSchema) = EstimatorAssert.RejectsSchema(estimator, data);

        StringAssert.Contains(atFit, "found String");
        StringAssert.Contains(atSchema, "found String");
    }

    [TestMethod]
    public void Catalog_NonPositiveMaxPixelValue_ThrowsNamingTheArgument()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Transforms.NormalizePixels("Features", "Pixels", maxPixelValue: 0));

        Assert.AreEqual("maxPixelValue", error.ParamName);
    }

    [TestMethod]
    public void ModelLoad_InChildProcess_GivesBitIdenticalStandardizedRealDigits()
    {
        var mlContext = new MLContext(seed: 1);
        var images = ColumnValues.Dense<byte>(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 50), MnistDataset.PixelsColumnName);
        var data = mlContext.Data.LoadFromEnumerable(images.Select(pixels => new Image28x28 { Pixels = pixels }));
        var model = mlContext.Transforms.NormalizePixels("Features", "Pixels", standardize: true).Fit(data);

        ChildProcessRoundTrip.AssertIdentical(mlContext, model, data, ["Features"]);
    }
}
