using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Transforms;

namespace MlNetMlp.Tests.Transforms;

[TestClass]
public sealed class VectorizeSequencesTests
{
    public sealed class IntSequence
    {
        public int[] Sequence { get; set; } = [];
    }

    public sealed class ByteSequence
    {
        public byte[] Sequence { get; set; } = [];
    }

    public sealed class LongSequence
    {
        [VectorType(3)]
        public long[] Sequence { get; set; } = [];
    }

    public sealed class KeySequence
    {
        [KeyType(5)]
        public uint[] Sequence { get; set; } = [];
    }

    public sealed class SparseSequence
    {
        public VBuffer<int> Sequence { get; set; }
    }

    public sealed class FloatSequence
    {
        public float[] Sequence { get; set; } = [];
    }

    public sealed class ScalarIndex
    {
        public int Sequence { get; set; }
    }

    [TestMethod]
    public void Transform_IntSequences_SparseMultiHotSortedWithoutDuplicates()
    {
        var (mlContext, data) = Load([[1, 4, 6, 2, 2, 4], [], [9, 0]]);

        var output = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10).Fit(data).Transform(data);
        var rows = ColumnValues.Vectors<float>(output, "Features");

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 10), output.Schema["Features"].Type);
        AssertSparse(rows[0], [1, 2, 4, 6], [1, 1, 1, 1]);
        AssertSparse(rows[1], [], []);
        AssertSparse(rows[2], [0, 9], [1, 1]);
        Assert.AreEqual(10, rows[2].Length);
    }

    [TestMethod]
    public void GetOutputSchema_PromisesWhatTransformProduces()
    {
        var (mlContext, data) = Load([[1, 2]]);

        EstimatorAssert.KeepsSchemaPromise(mlContext.Transforms.VectorizeSequences("Features", "Sequence"), data, "Features");
    }

    [TestMethod]
    public void Transform_Counts_SlotsHoldOccurrences()
    {
        var (mlContext, data) = Load([[1, 4, 6, 2, 2, 4, 4]]);

        var rows = ColumnValues.Vectors<float>(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10, counts: true).Fit(data).Transform(data), "Features");

        AssertSparse(rows[0], [1, 2, 4, 6], [1, 2, 3, 1]);
    }

    [TestMethod]
    public void Transform_IndexBeyondDimension_DroppedByDefault()
    {
        var (mlContext, data) = Load([[3, 10, 12, 9]]);

        var rows = ColumnValues.Vectors<float>(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10).Fit(data).Transform(data), "Features");

        AssertSparse(rows[0], [3, 9], [1, 1]);
    }

    [TestMethod]
    public void Transform_IndexBeyondDimensionWithThrow_ThrowsNamingRowAndIndex()
    {
        var (mlContext, data) = Load([[1], [3, 10]]);
        var output = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10, indexBeyondDimension: IndexBeyondDimension.Throw)
            .Fit(data).Transform(data);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ColumnValues.Vectors<float>(output, "Features"));

        StringAssert.Contains(error.Message, "Column 'Sequence', row 1, position 1: expected indices below dimension=10, found 10");
    }

    [TestMethod]
    public void Transform_NegativeIndex_ThrowsEvenWhenDropping()
    {
        var (mlContext, data) = Load([[5, -3]]);
        var output = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10).Fit(data).Transform(data);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ColumnValues.Vectors<float>(output, "Features"));

        StringAssert.Contains(error.Message, "Column 'Sequence', row 0, position 1: expected word indices >= 0, found -3");
    }

    [TestMethod]
    public void Transform_KeySequence_KeyKIsIndexKMinusOneAndMissingKeySkipped()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new KeySequence { Sequence = [1, 3, 0, 3, 5] } });

        var rows = ColumnValues.Vectors<float>(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 4, counts: true).Fit(data).Transform(data), "Features");

        AssertSparse(rows[0], [0, 2], [1, 2]);
    }

    [TestMethod]
    public void Transform_ByteAndFixedSizeLongSequences_SameRuleAsInt()
    {
        var mlContext = new MLContext(seed: 1);
        var bytes = mlContext.Data.LoadFromEnumerable(new[] { new ByteSequence { Sequence = [255, 1, 255] } });
        var longs = mlContext.Data.LoadFromEnumerable(new[] { new LongSequence { Sequence = [299, 7, long.MaxValue] } });

        var fromBytes = ColumnValues.Vectors<float>(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 300).Fit(bytes).Transform(bytes), "Features").Single();
        var fromLongs = ColumnValues.Vectors<float>(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 300).Fit(longs).Transform(longs), "Features").Single();

        AssertSparse(fromBytes, [1, 255], [1, 1]);
        AssertSparse(fromLongs, [7, 299], [1, 1]);
    }

    [TestMethod]
    public void Transform_SparseInput_ImplicitZerosCountAsIndexZero()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new SparseSequence { Sequence = new VBuffer<int>(5, 2, [7, 7], [1, 3]) } });

        var rows = ColumnValues.Vectors<float>(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10, counts: true).Fit(data).Transform(data), "Features");

        AssertSparse(rows[0], [0, 7], [3, 2]);
    }

    [TestMethod]
    public void FitAndGetOutputSchema_FloatVector_ThrowSchemaMismatch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new FloatSequence { Sequence = [1f] } });
        var estimator = mlContext.Transforms.VectorizeSequences("Features", "Sequence");

        var (atFit, atSchema) = EstimatorAssert.RejectsSchema(estimator, data);

        StringAssert.Contains(atFit, "Column 'Sequence': expected a vector of Byte, SByte, Int16, UInt16, Int32, UInt32, Int64, UInt64 or of a key type, found Vector<Single>");
        StringAssert.Contains(atSchema, "found Vector<Single> of unknown size");
    }

    [TestMethod]
    public void FitAndGetOutputSchema_ScalarInteger_ThrowSchemaMismatch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new ScalarIndex { Sequence = 3 } });
        var estimator = mlContext.Transforms.VectorizeSequences("Features", "Sequence");

        var (_, atSchema) = EstimatorAssert.RejectsSchema(estimator, data);

        StringAssert.Contains(atSchema, "found Int32");
    }

    [TestMethod]
    public void Catalog_NonPositiveDimension_ThrowsNamingTheArgument()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Transforms.VectorizeSequences("Features", "Sequence", dimension: 0));

        StringAssert.Contains(error.Message, "Expected dimension >= 1. Received: dimension=0");
    }

    [TestMethod]
    public void ModelLoad_InChildProcess_GivesBitIdenticalOutput()
    {
        var (mlContext, data) = Load([[1, 4, 6, 2, 2, 4], [], [9, 0, 15]]);
        var model = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 12, counts: true).Fit(data);

        ChildProcessRoundTrip.AssertIdentical(mlContext, model, data, ["Features"]);
    }

    private static (MLContext, IDataView) Load(int[][] sequences)
    {
        var mlContext = new MLContext(seed: 1);
        return (mlContext, mlContext.Data.LoadFromEnumerable(sequences.Select(s => new IntSequence { Sequence = s })));
    }

    private static void AssertSparse(VBuffer<float> vector, int[] indices, float[] values)
    {
        Assert.IsFalse(vector.IsDense, "the output is sparse");
        CollectionAssert.AreEqual(indices, vector.GetIndices().ToArray(), "indices");
        CollectionAssert.AreEqual(values, vector.GetValues().ToArray(), "values");
    }
}
