using MlNetMlp.Experiments;
using MlNetMlp.Experiments.Regularization;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Tests.Experiments;

/// <summary>The book's conclusions, tested on the book's own curves and on curves where they fail.</summary>
[TestClass]
public sealed class BookConclusionsTests
{
    [TestMethod]
    public void Check_TheBooksOwnCurves_EveryConclusionHolds()
    {
        var results = RegularizationModels.Book.Select(model => Result(model, BookReference.ValidationLoss(model)!)).ToList();

        var conclusions = BookConclusions.Check(results);

        Assert.HasCount(6, conclusions);
        foreach (var conclusion in conclusions)
        {
            Assert.IsTrue(conclusion.Book!.Holds && conclusion.OursWithPenalty!.Holds && conclusion.OursWithoutPenalty!.Holds, $"{conclusion.Claim}: {conclusion.Book.Evidence}");
            Assert.AreEqual(conclusion.Book, conclusion.OursWithoutPenalty, "the same curves give the same check");
        }

        Assert.AreEqual(
            "lowest validation loss at epoch: 16-16-1 (original) 3, 4-4-1 (smaller) 6, 512-512-1 (bigger) 2, 16-16-1 + L2(0.001) 3, 16-16-1 + Dropout(0.5) 4",
            conclusions[0].Book!.Evidence);
        Assert.AreEqual(
            "final validation loss: 512-512-1 (bigger) 0.8896, 16-16-1 (original) 0.7694, 16-16-1 + Dropout(0.5) 0.5358, 4-4-1 (smaller) 0.4744, 16-16-1 + L2(0.001) 0.4200",
            conclusions[1].Book!.Evidence);
    }

    [TestMethod]
    public void Check_BiggerWithTheSmallersCurve_FirstAndWorstFailWithTheNumbers()
    {
        var results = RegularizationModels.Book.Select(model => Result(
            model, BookReference.ValidationLoss(model == RegularizationModel.Bigger ? RegularizationModel.Smaller : model)!)).ToList();

        var conclusions = BookConclusions.Check(results);

        Assert.IsFalse(conclusions[0].OursWithoutPenalty!.Holds);
        StringAssert.Contains(conclusions[0].OursWithoutPenalty!.Evidence, "512-512-1 (bigger) 6");
        Assert.IsFalse(conclusions[1].OursWithoutPenalty!.Holds);
        Assert.IsFalse(conclusions[2].OursWithoutPenalty!.Holds, "the original now ends highest, not second");
        Assert.IsTrue(conclusions[0].Book!.Holds, "the book's own numbers are unchanged");
    }

    [TestMethod]
    public void Check_L2EndsLowerOnlyWithoutItsPenalty_TheTwoLossesDisagree()
    {
        var original = Result(RegularizationModel.Original, [0.30, 0.50]);
        var l2 = Result(RegularizationModel.L2, [0.45, 0.60], penalty: 0.2);

        var conclusions = BookConclusions.Check([original, l2]);

        var endsLower = conclusions.Single(c => c.Claim.StartsWith("The L2 network", StringComparison.Ordinal));
        Assert.IsFalse(endsLower.OursWithPenalty!.Holds);
        Assert.IsTrue(endsLower.OursWithoutPenalty!.Holds);
        Assert.AreEqual("final validation loss: 16-16-1 + L2(0.001) 0.4000, 16-16-1 (original) 0.5000", endsLower.OursWithoutPenalty.Evidence);
        Assert.IsNull(conclusions[0].OursWithoutPenalty, "without the bigger network, 'bigger overfits first' is not checked");
        Assert.IsNull(conclusions.Single(c => c.Claim.StartsWith("The smaller", StringComparison.Ordinal)).Book);
    }

    private static RegularizationModelResult Result(RegularizationModel model, IReadOnlyList<double> validationLoss, double penalty = 0) => new()
    {
        Model = model,
        Name = RegularizationModels.Describe(model),
        Parameters = 1,
        TrainingSeconds = 1,
        TestAccuracy = 0.5,
        KeptEpoch = validationLoss.Count,
        History = [.. validationLoss.Select((loss, i) => new MlpEpoch(i + 1, 0.1, 0.9, penalty, loss, penalty, 0.8, "accuracy", TimeSpan.Zero))],
    };
}
