using Microsoft.ML;
using MlNetMlp.Callbacks;
using MlNetMlp.Datasets;
using MlNetMlp.Schedules;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers.Callbacks;

/// <summary>
/// The callbacks that set the rate: ReduceLROnPlateau follows Keras's rules (patience, min_delta, cooldown, the
/// floor), LearningRateScheduler sets each epoch's rate from Keras's epoch count, and neither goes with a schedule.
/// </summary>
[TestClass]
public sealed class LearningRateCallbackTests
{
    [TestMethod]
    public void ReduceLROnPlateau_PatienceTwoCooldownOne_ReducesAfterTwoFlatEpochsThenWaits()
    {
        using var harness = new CallbackHarness(learningRate: 0.1);
        var reduce = new ReduceLROnPlateau(factor: 0.5, patience: 2, minDelta: 0.01, cooldown: 1, minLearningRate: 0.02);
        reduce.OnTrainBegin(harness.Context);

        // 1.0 improves; 0.995 is within min_delta; 0.999 makes two: reduce to 0.05 and cool down one epoch. The next epoch
        // ends the cooldown and, as in Keras, counts (0.99 is no gain by more than 0.01); 0.98 is a gain; 0.985, 0.99 make
        // two: 0.025; two more flat epochs after the cooldown: 0.0125, held at the floor 0.02, and no lower after that.
        var rates = new[] { 1.0, 0.995, 0.999, 0.99, 0.98, 0.985, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99 }.Select((loss, i) =>
        {
            reduce.OnEpochEnd(harness.Context, CallbackHarness.Epoch(i + 1, validationLoss: loss, validationAccuracy: 0));
            return Math.Round(harness.Context.LearningRate, 10);
        }).ToArray();

        CollectionAssert.AreEqual(new[] { 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02, 0.02 }, rates);
    }

    [TestMethod]
    public void Fit_LearningRateScheduler_EachEpochTrainsAtTheRateOfKerasEpochCount()
    {
        var mlContext = new MLContext(seed: 1);
        var seen = new List<(int, double)>();
        var scheduler = new LearningRateScheduler((epoch, rate) =>
        {
            seen.Add((epoch, rate));
            return epoch < 2 ? rate : rate * 0.5;
        });

        var history = mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 4, LearningRate = 0.004f, Callbacks = [scheduler], Seed = 1 }).Fit(Digits(mlContext)).Model.History;

        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3 }, seen.Select(s => s.Item1).ToArray());
        CollectionAssert.AreEqual(new[] { 0.004, 0.004, 0.002, 0.001 }, history.Select(e => Math.Round(e.LearningRate!.Value, 9)).ToArray());
    }

    [TestMethod]
    public void Fit_ReduceLROnPlateauOnARealRun_TheHistoryShowsEveryReduction()
    {
        var mlContext = new MLContext(seed: 1);
        var reduce = new ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 1, minDelta: 10);

        var history = mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 4, LearningRate = 0.008f, Callbacks = [reduce], Seed = 1 }).Fit(Digits(mlContext)).Model.History;

        // No loss drops by 10: after the first epoch (the first best) every epoch halves the rate for the next.
        CollectionAssert.AreEqual(new[] { 0.008, 0.008, 0.004, 0.002 }, history.Select(e => Math.Round(e.LearningRate!.Value, 9)).ToArray());
    }

    [TestMethod]
    public void Mlp_ScheduleAndACallbackThatSetsTheRate_IsRefusedNamingBoth()
    {
        var options = new MlpOptions { LearningRateSchedule = new ExponentialDecay(0.01, 100, 0.9), Callbacks = [new LearningRateScheduler((_, rate) => rate)] };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(options));

        Assert.AreEqual("Callbacks", error.ParamName);
        StringAssert.StartsWith(error.Message, "Expected either a learningRateSchedule or a callback that sets the rate, not both");
    }

    [TestMethod]
    public void Mlp_ValidationFigureWithoutValidationData_IsRefusedWhenTheTrainerIsBuilt()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(new MlpOptions { Callbacks = [new ReduceLROnPlateau()] }));

        Assert.AreEqual("Callbacks", error.ParamName);
        StringAssert.Contains(error.Message, "to monitor val_loss");
    }

    private static IDataView Digits(MLContext mlContext)
    {
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 200);
        return mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data);
    }
}
