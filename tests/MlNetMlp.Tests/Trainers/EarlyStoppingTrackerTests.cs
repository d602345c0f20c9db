using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Trainers.Torch;

namespace MlNetMlp.Tests.Trainers;

/// <summary>Keras's EarlyStopping rules: direction per quantity, minimum delta, patience.</summary>
[TestClass]
public sealed class EarlyStoppingTrackerTests
{
    [TestMethod]
    public void ValidationAccuracy_HigherIsBetter_StopsAfterPatienceEpochsWithoutGain()
    {
        var tracker = new EarlyStoppingTracker(new MlpEarlyStopping { Monitor = MlpMonitor.ValidationMetric, Patience = 2, MinDelta = 0.01f }, TrainingMetric.Accuracy);

        var improved = new[] { 0.50, 0.60, 0.605, 0.70, 0.69, 0.705 }.Select(a => (tracker.Improved(Epoch(validationMetric: a)), tracker.ShouldStop)).ToList();

        // 0.605 is within the minimum delta of 0.60, 0.705 within it of 0.70: no gain either time.
        CollectionAssert.AreEqual(new[] { true, true, false, true, false, false }, improved.Select(i => i.Item1).ToArray());
        CollectionAssert.AreEqual(new[] { false, false, false, false, false, true }, improved.Select(i => i.ShouldStop).ToArray());
    }

    [TestMethod]
    public void ValidationMeanAbsoluteError_LowerIsBetter()
    {
        var tracker = new EarlyStoppingTracker(new MlpEarlyStopping { Monitor = MlpMonitor.ValidationMetric, Patience = 0 }, TrainingMetric.MeanAbsoluteError);

        Assert.IsTrue(tracker.Improved(Epoch(validationMetric: 2.0)));
        Assert.IsTrue(tracker.Improved(Epoch(validationMetric: 1.5)));
        Assert.IsFalse(tracker.Improved(Epoch(validationMetric: 1.6)));
        Assert.IsTrue(tracker.ShouldStop);
    }

    [TestMethod]
    public void TrainingLoss_LowerIsBetter_IgnoresTheMetric()
    {
        var tracker = new EarlyStoppingTracker(new MlpEarlyStopping { Monitor = MlpMonitor.TrainingLoss, Patience = 1 }, TrainingMetric.Accuracy);

        Assert.IsTrue(tracker.Improved(Epoch(trainingLoss: 1.0)));
        Assert.IsTrue(tracker.Improved(Epoch(trainingLoss: 0.5)));
        Assert.IsFalse(tracker.ShouldStop);
        Assert.IsFalse(tracker.Improved(Epoch(trainingLoss: 0.7)));
        Assert.IsTrue(tracker.ShouldStop);
    }

    private static MlpEpoch Epoch(double trainingLoss = 1, double validationMetric = 0) =>
        new(1, trainingLoss, 0, 0, 1, 0, validationMetric, "accuracy", TimeSpan.Zero);
}
