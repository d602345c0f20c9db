using MlNetMlp.Experiments;

namespace MlNetMlp.Tests.Experiments;

/// <summary>The calibration and uncertainty metrics against values computed by hand on four rows.</summary>
[TestClass]
public sealed class UncertaintyEvaluatorTests
{
    // Two classes as [1 - p, p]. Predicted classes 1, 0, 1, 0 against labels 1, 1, 1, 0: row 1 is the one mistake.
    private static readonly float[][] Probabilities = [[0.2f, 0.8f], [0.6f, 0.4f], [0.1f, 0.9f], [0.7f, 0.3f]];
    private static readonly int[] Labels = [1, 1, 1, 0];
    private static readonly double[] Uncertainty = [0.2, 0.25, 0.1, 0.3];

    [TestMethod]
    public void Evaluate_FourRows_AccuracyLogLossAndBrierAsComputedByHand()
    {
        var metrics = UncertaintyEvaluator.Evaluate(Probabilities, Labels, Uncertainty);

        Assert.AreEqual(4, metrics.Rows);
        Assert.AreEqual(0.75, metrics.Accuracy);
        Assert.AreEqual(-(Math.Log(0.8) + Math.Log(0.4) + Math.Log(0.9) + Math.Log(0.7)) / 4, metrics.LogLoss, 1e-6);
        // Per row, Σ_k (p_k - y_k)²: 0.08, 0.72, 0.02, 0.18.
        Assert.AreEqual((0.08 + 0.72 + 0.02 + 0.18) / 4, metrics.BrierScore, 1e-6);
    }

    [TestMethod]
    public void Evaluate_FiveBins_ReliabilityBinsAndCalibrationErrorAsComputedByHand()
    {
        var metrics = UncertaintyEvaluator.Evaluate(Probabilities, Labels, Uncertainty, bins: 5);

        // Confidences 0.8, 0.6, 0.9, 0.7: rows 1 and 3 in [0.6, 0.8), rows 0 and 2 in [0.8, 1].
        Assert.HasCount(5, metrics.ReliabilityBins);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 2, 2 }, metrics.ReliabilityBins.Select(b => b.Count).ToArray());
        Assert.AreEqual(0.65, metrics.ReliabilityBins[3].MeanConfidence, 1e-6);
        Assert.AreEqual(0.5, metrics.ReliabilityBins[3].Accuracy);
        Assert.AreEqual(0.85, metrics.ReliabilityBins[4].MeanConfidence, 1e-6);
        Assert.AreEqual(1.0, metrics.ReliabilityBins[4].Accuracy);
        Assert.IsTrue(double.IsNaN(metrics.ReliabilityBins[0].Accuracy), "an empty bin has no accuracy");
        // 2/4 · |0.5 - 0.65| + 2/4 · |1 - 0.85|.
        Assert.AreEqual(0.15, metrics.ExpectedCalibrationError, 1e-6);
    }

    [TestMethod]
    public void Evaluate_FifteenBins_EveryRowInItsOwnBin()
    {
        var metrics = UncertaintyEvaluator.Evaluate(Probabilities, Labels, Uncertainty);

        Assert.HasCount(15, metrics.ReliabilityBins);
        CollectionAssert.AreEqual(new[] { 9, 10, 12, 13 }, metrics.ReliabilityBins.Select((b, i) => (b, i)).Where(p => p.b.Count == 1).Select(p => p.i).ToArray());
        Assert.AreEqual((0.2 + 0.6 + 0.1 + 0.3) / 4, metrics.ExpectedCalibrationError, 1e-6);
    }

    [TestMethod]
    public void Evaluate_UncertaintyOfTheOneMistake_AurocAndSelectiveAccuracyAsComputedByHand()
    {
        var metrics = UncertaintyEvaluator.Evaluate(Probabilities, Labels, Uncertainty);

        // The wrong row (0.25) is more uncertain than two of the three right ones (0.2, 0.1), less than one (0.3).
        Assert.AreEqual(2.0 / 3, metrics.UncertaintyAuroc, 1e-12);
        // Least uncertain first: rows 2, 0, 1 (wrong), 3. Kept 2, 3 and 4 rows.
        Assert.AreEqual(1.0, metrics.SelectiveAccuracy[0.5]);
        Assert.AreEqual(2.0 / 3, metrics.SelectiveAccuracy[0.8], 1e-12);
        Assert.AreEqual(0.75, metrics.SelectiveAccuracy[0.9]);
    }

    [TestMethod]
    public void Evaluate_TiedUncertainty_AurocIsChance()
    {
        var metrics = UncertaintyEvaluator.Evaluate(Probabilities, Labels, [0.5, 0.5, 0.5, 0.5]);

        Assert.AreEqual(0.5, metrics.UncertaintyAuroc, 1e-12);
    }

    [TestMethod]
    public void Entropy_UniformAndCertain_AreLnKAndZero()
    {
        Assert.AreEqual(Math.Log(4), UncertaintyEvaluator.Entropy([0.25f, 0.25f, 0.25f, 0.25f]), 1e-7);
        Assert.AreEqual(0, UncertaintyEvaluator.Entropy([0f, 1f, 0f]));
    }

    [TestMethod]
    public void Evaluate_LabelOutsideTheClasses_ThrowsNamingTheRow()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => UncertaintyEvaluator.Evaluate(Probabilities, [1, 1, 2, 0], Uncertainty));

        StringAssert.StartsWith(error.Message, "Row 2: expected a class index in 0..1. Received: 2");
    }
}
