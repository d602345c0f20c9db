using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Schedules;

namespace MlNetMlp.Tests.Trainers.Schedules;

/// <summary>
/// Each learning-rate schedule against the formula Keras (or, for one-cycle, PyTorch) documents, at the steps its
/// documentation's examples use, and a schedule driving a real Fit: the rate of every step and its record in the history.
/// </summary>
[TestClass]
public sealed class ScheduleTests
{
    private const double Exact = 1e-15;

    [TestMethod]
    public void ExponentialDecay_KerasExample_DecaysByTheRatePerDecaySteps()
    {
        // Keras: initial 0.1, decay_steps 100000, decay_rate 0.96.
        var smooth = new ExponentialDecay(0.1, 100_000, 0.96);
        var staircase = new ExponentialDecay(0.1, 100_000, 0.96, staircase: true);

        Assert.AreEqual(0.1, smooth.Rate(0), Exact);
        Assert.AreEqual(0.1 * Math.Pow(0.96, 0.5), smooth.Rate(50_000), Exact);
        Assert.AreEqual(0.1 * 0.96 * 0.96, smooth.Rate(200_000), Exact);
        Assert.AreEqual(0.1, staircase.Rate(99_999), Exact);
        Assert.AreEqual(0.1 * 0.96 * 0.96, staircase.Rate(250_000), Exact);
    }

    [TestMethod]
    public void PiecewiseConstantDecay_KerasExample_IsEachValueUpToItsBoundaryIncluded()
    {
        // Keras: 1.0 for the first 100001 steps, 0.5 for the next 10000, 0.1 after.
        var schedule = new PiecewiseConstantDecay([100_000, 110_000], [1.0, 0.5, 0.1]);

        CollectionAssert.AreEqual(new[] { 1.0, 1.0, 0.5, 0.5, 0.1 }, new long[] { 0, 100_000, 100_001, 110_000, 110_001 }.Select(schedule.Rate).ToArray());
    }

    [TestMethod]
    public void PolynomialDecay_KerasExample_SquareRootFrom01To001In10000Steps()
    {
        var schedule = new PolynomialDecay(0.1, 10_000, 0.01, power: 0.5);
        var cycling = new PolynomialDecay(0.1, 10_000, 0.01, power: 0.5, cycle: true);

        Assert.AreEqual(0.1, schedule.Rate(0), Exact);
        Assert.AreEqual(0.09 * Math.Sqrt(0.75) + 0.01, schedule.Rate(2_500), Exact);
        Assert.AreEqual(0.01, schedule.Rate(25_000), Exact);
        // Cycling: step 15000 decays over the first multiple of 10000 above it, 20000.
        Assert.AreEqual(0.09 * Math.Sqrt(0.25) + 0.01, cycling.Rate(15_000), Exact);
        Assert.AreEqual(0.1, cycling.Rate(0), Exact);
    }

    [TestMethod]
    public void InverseTimeDecay_KerasExample_HalvesAtTheSecondStep()
    {
        // Keras: initial 0.1, decay_steps 1, decay_rate 0.5.
        var schedule = new InverseTimeDecay(0.1, 1, 0.5);
        var staircase = new InverseTimeDecay(0.1, 10, 0.5, staircase: true);

        Assert.AreEqual(0.1 / 2, schedule.Rate(2), Exact);
        Assert.AreEqual(0.1 / 6, schedule.Rate(10), Exact);
        Assert.AreEqual(0.1 / 1.5, staircase.Rate(15), Exact);
    }

    [TestMethod]
    public void CosineDecay_WithAndWithoutWarmup_FollowsKerasFormula()
    {
        var plain = new CosineDecay(0.1, 1000);
        var floor = new CosineDecay(0.1, 1000, alpha: 0.1);
        // Keras's warmup example: from 0 to 0.1 over 1000 steps, then cosine over 1000.
        var warm = new CosineDecay(0, 1000, warmupTarget: 0.1, warmupSteps: 1000);

        Assert.AreEqual(0.05, plain.Rate(500), Exact);
        Assert.AreEqual(0, plain.Rate(1000), Exact);
        Assert.AreEqual(0.1 * (0.9 * 0.5 * (1 + Math.Cos(Math.PI * 0.25)) + 0.1), floor.Rate(250), Exact);
        Assert.AreEqual(0.01, floor.Rate(5000), Exact);
        CollectionAssert.AreEqual(new[] { 0, 0.05, 0.1, 0.05, 0 }, new long[] { 0, 500, 1000, 1500, 3000 }.Select(warm.Rate).Select(r => Math.Round(r, 15)).ToArray());
    }

    [TestMethod]
    public void CosineDecayRestarts_DoublingPeriodsAndHalvingPeaks_RestartsWhereKerasDoes()
    {
        var schedule = new CosineDecayRestarts(1.0, 100, tMul: 2, mMul: 0.5);
        var equal = new CosineDecayRestarts(1.0, 100, tMul: 1);

        Assert.AreEqual(1.0, schedule.Rate(0), Exact);
        Assert.AreEqual(0.5, schedule.Rate(50), Exact);
        // The second period runs from step 100 to 300 and starts at 0.5.
        Assert.AreEqual(0.5, schedule.Rate(100), 1e-12);
        Assert.AreEqual(0.25, schedule.Rate(200), 1e-12);
        Assert.AreEqual(0.25, schedule.Rate(300), 1e-12);
        Assert.AreEqual(0.5, equal.Rate(150), 1e-12);
        Assert.AreEqual(1.0, equal.Rate(200), 1e-12);
    }

    [TestMethod]
    public void OneCycle_PyTorchDefaults_RisesToTheMaximumThenAnnealsToTheFloor()
    {
        // PyTorch OneCycleLR(max_lr=1, total_steps=100): start 1/25, peak at step 0.3·100 - 1 = 29, end 1/25/1e4 at step 99.
        var schedule = new OneCycle(1.0, 100);

        Assert.AreEqual(0.04, schedule.Rate(0), Exact);
        Assert.AreEqual(1.0, schedule.Rate(29), Exact);
        Assert.AreEqual(0.04 / 1e4, schedule.Rate(99), Exact);
        Assert.AreEqual(0.04 / 1e4, schedule.Rate(500), Exact);
        // PyTorch's cosine annealing from a to b at fraction p: b + (a - b)/2·(cos(πp) + 1).
        Assert.AreEqual(1.0 + (0.04 - 1.0) / 2 * (Math.Cos(Math.PI * (14.0 / 29)) + 1), schedule.Rate(14), Exact);
        Assert.AreEqual(4e-6 + (1.0 - 4e-6) / 2 * (Math.Cos(Math.PI * 0.5) + 1), schedule.Rate(64), Exact);
    }

    [TestMethod]
    [DataRow("decaySteps", 0)]
    [DataRow("initialLearningRate", -1)]
    public void Schedules_InvalidArguments_AreRefusedWhenMade(string argument, double value)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => argument == "decaySteps" ? new CosineDecay(0.1, value) : (MlpLearningRateSchedule)new ExponentialDecay(value, 10, 0.9));

        Assert.AreEqual(argument, error.ParamName);
    }

    [TestMethod]
    public void PiecewiseConstantDecay_BoundariesNotIncreasingOrValuesMiscounted_AreRefused()
    {
        var order = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PiecewiseConstantDecay([10, 5], [1, 0.5, 0.1]));
        var count = Assert.ThrowsExactly<ArgumentException>(() => new PiecewiseConstantDecay([10], [1]));

        StringAssert.StartsWith(order.Message, "Expected strictly increasing boundaries >= 0. Received: boundaries=[10, 5]");
        StringAssert.StartsWith(count.Message, "Expected one value more than there are boundaries. Received: 1 boundaries and 1 values");
    }

    [TestMethod]
    public void Fit_StepSchedule_EveryEpochRecordsTheRateOfItsLastStep()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Digits(mlContext, 320);
        var schedule = new CosineDecay(0, 20, warmupTarget: 0.01, warmupSteps: 10);

        var history = mlContext.Mlp(new MlpOptions { HiddenLayers = [16], Epochs = 4, BatchSize = 32, LearningRateSchedule = schedule, Seed = 1 }).Fit(data).Model.History;

        // 10 batches an epoch: epoch e's last step is 10e - 1.
        CollectionAssert.AreEqual(new[] { 9L, 19, 29, 39 }.Select(schedule.Rate).ToArray(), history.Select(e => e.LearningRate!.Value).ToArray());
        Assert.AreEqual(0.009, history[0].LearningRate!.Value, 1e-12);
        Assert.AreEqual(0.01 * (0.5 * (1 + Math.Cos(Math.PI * 0.45))), history[1].LearningRate!.Value, 1e-12);
    }

    [TestMethod]
    public void Fit_EpochSchedule_SetsTheRateAtEachEpochsStart()
    {
        var mlContext = new MLContext(seed: 1);
        var schedule = new ExponentialDecay(0.004, 1, 0.5) { Unit = MlpScheduleUnit.Epoch };

        var history = mlContext.Mlp(new MlpOptions { HiddenLayers = [16], Epochs = 3, LearningRateSchedule = schedule, Seed = 1 }).Fit(Digits(mlContext, 100)).Model.History;

        CollectionAssert.AreEqual(new[] { 0.004, 0.002, 0.001 }, history.Select(e => e.LearningRate!.Value).ToArray());
        StringAssert.Contains(schedule.ToString(), "per epoch");
    }

    private static IDataView Digits(MLContext mlContext, int rows)
    {
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), rows);
        return mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data);
    }
}
