using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Transforms;

namespace MlNetMlp.Tests.Transforms;

[TestClass]
public sealed class WordIndexTests
{
    public sealed class Review
    {
        public string Text { get; set; } = "";
    }

    public sealed class Encoded
    {
        public int[] Sequence { get; set; } = [];

        [VectorType(12)]
        public float[] Features { get; set; } = [];
    }

    public sealed class Score
    {
        public float Text { get; set; }
    }

    // Words: the x4; a, cat x2; bone, dog, dogs, end, mat, on, sat x1. Ranks follow count, then ordinal order:
    // the 1, a 2, cat 3, bone 4, dog 5, dogs 6, end 7, mat 8, on 9, sat 10.
    private static readonly string[] Texts =
    [
        "The cat sat on the mat.<br /><br />THE END!",
        "A cat, a dog: the dog's bone?",
    ];

    [TestMethod]
    public void Transform_HandMadeText_FollowsKerasImdbNumbering()
    {
        var (mlContext, data) = Load(Texts);

        var model = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: 12).Fit(data);
        var rows = ColumnValues.Dense<int>(model.Transform(data), "Sequence");

        // numWords 12 keeps ranks 1-8 at indices 4-11; "on" and "sat" are out of vocabulary (2); 1 starts each row.
        CollectionAssert.AreEqual(new[] { 1, 4, 6, 2, 2, 4, 11, 4, 10 }, rows[0]);
        CollectionAssert.AreEqual(new[] { 1, 5, 6, 5, 8, 4, 9, 7 }, rows[1]);
        CollectionAssert.AreEqual(new[] { "the", "a", "cat", "bone", "dog", "dogs", "end", "mat" }, model.Words.ToArray());
        Assert.AreEqual(4, model.WordToIndex["the"]);
        Assert.AreEqual("mat", model.IndexToWord[11]);
        Assert.IsFalse(model.IndexToWord.ContainsKey(3));
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Int32), model.Transform(data).Schema["Sequence"].Type);
    }

    [TestMethod]
    public void GetOutputSchema_PromisesWhatTransformProduces()
    {
        var (mlContext, data) = Load(Texts);

        EstimatorAssert.KeepsSchemaPromise(mlContext.Transforms.WordIndex("Sequence", "Text"), data, "Sequence");
    }

    [TestMethod]
    public void Decode_Sequence_GivesWordsWithQuestionMarksForReservedIndices()
    {
        var (mlContext, data) = Load(Texts);
        var model = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: 12).Fit(data);

        Assert.AreEqual("? the cat ? ? the mat the end", model.Decode(ColumnValues.Dense<int>(model.Transform(data), "Sequence")[0]));
        Assert.AreEqual("? ? ? ? the ?", model.Decode([0, 1, 2, 3, 4, 12]));
    }

    [TestMethod]
    public void Transform_OffsetAndStartMarkOff_RankIsIndexAndUnknownWordsAreLeftOut()
    {
        var (mlContext, data) = Load(Texts);

        var model = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: 5, offsetIndices: false, markStart: false).Fit(data);

        CollectionAssert.AreEqual(new[] { 2, 3, 2, 1, 4 }, ColumnValues.Dense<int>(model.Transform(data), "Sequence")[1]);
        Assert.AreEqual(1, model.WordToIndex["the"]);
    }

    [TestMethod]
    public void Transform_StartMarkOffOffsetOn_NoLeadingOne()
    {
        var (mlContext, data) = Load(Texts);

        var model = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: 12, markStart: false).Fit(data);

        CollectionAssert.AreEqual(new[] { 5, 6, 5, 8, 4, 9, 7 }, ColumnValues.Dense<int>(model.Transform(data), "Sequence")[1]);
    }

    [TestMethod]
    public void Fit_RowsInAnotherOrder_LearnsTheSameVocabulary()
    {
        var (mlContext, data) = Load(Texts);
        var (_, reversed) = Load([.. Texts.Reverse()]);

        var forward = mlContext.Transforms.WordIndex("Sequence", "Text").Fit(data);
        var backward = mlContext.Transforms.WordIndex("Sequence", "Text").Fit(reversed);

        CollectionAssert.AreEqual(forward.Words.ToArray(), backward.Words.ToArray());
    }

    [TestMethod]
    public void PredictionEngine_WithVectorizeSequences_EncodesOneReviewAsTransformDoes()
    {
        var (mlContext, data) = Load(Texts);
        var model = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: 12)
            .Append(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 12))
            .Fit(data);
        var engine = mlContext.Model.CreatePredictionEngine<Review, Encoded>(model);

        var encoded = engine.Predict(new Review { Text = Texts[1] });

        CollectionAssert.AreEqual(new[] { 1, 5, 6, 5, 8, 4, 9, 7 }, encoded.Sequence);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f, 0f, 1f, 1f, 1f, 1f, 1f, 1f, 0f, 0f }, encoded.Features);
    }

    [TestMethod]
    public void Fit_NoWords_ThrowsEmptyVocabulary()
    {
        var (mlContext, data) = Load(["", "!!! ... <br />", "  "]);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Transforms.WordIndex("Sequence", "Text").Fit(data));

        StringAssert.Contains(error.Message, "Column 'Text': expected text with at least one word to build the vocabulary from, found no words in 3 rows");
    }

    [TestMethod]
    public void FitAndGetOutputSchema_NumberColumn_ThrowSchemaMismatch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new Score { Text = 1 } });
        var estimator = mlContext.Transforms.WordIndex("Sequence", "Text");

        var (atFit, atSchema) = EstimatorAssert.RejectsSchema(estimator, data);

        StringAssert.Contains(atFit, "Column 'Text': expected a scalar of Text (String), found Single");
        StringAssert.Contains(atSchema, "found Single");
    }

    [TestMethod]
    public void Catalog_ContradictoryOptions_ThrowNamingThem()
    {
        var transforms = new MLContext().Transforms;

        var tooFew = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.WordIndex("Sequence", "Text", numWords: 4));
        var startWithoutOffset = Assert.ThrowsExactly<ArgumentException>(() => transforms.WordIndex("Sequence", "Text", offsetIndices: false));

        StringAssert.Contains(tooFew.Message, "Expected numWords >= 5");
        StringAssert.Contains(startWithoutOffset.Message, "markStart: false when offsetIndices is false");
    }

    [TestMethod]
    public void ModelLoad_InChildProcess_GivesBitIdenticalSequencesAndKeepsTheVocabulary()
    {
        var (mlContext, data) = Load([.. Texts, "An unseen review, with the cat."]);
        var model = mlContext.Transforms.WordIndex("Sequence", "Text", numWords: 12).Fit(data);

        ChildProcessRoundTrip.AssertIdentical(mlContext, model, data, ["Sequence"]);

        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = (WordIndexTransformer)mlContext.Model.Load(stream, out _);
        CollectionAssert.AreEqual(model.Words.ToArray(), loaded.Words.ToArray());
        Assert.AreEqual(model.Convention, loaded.Convention);
    }

    private static (MLContext, IDataView) Load(string[] texts)
    {
        var mlContext = new MLContext(seed: 1);
        return (mlContext, mlContext.Data.LoadFromEnumerable(texts.Select(t => new Review { Text = t })));
    }
}
