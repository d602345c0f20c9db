using Microsoft.ML;
using MlNetMlp.Callbacks;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers.Callbacks;

/// <summary>
/// Keras's EarlyStopping rules on the callback (direction per figure, minimum delta, patience, restoring the best
/// weights), and the options' early stopping giving the same stopped epochs and weights as before it became a callback.
/// </summary>
[TestClass]
public sealed class EarlyStoppingTests
{
    [TestMethod]
    public void OnEpochEnd_ValidationAccuracy_HigherIsBetter_StopsAfterPatienceEpochsWithoutGain()
    {
        using var harness = new CallbackHarness();
        var stopping = new EarlyStopping("val_accuracy", minDelta: 0.01f, patience: 2);
        stopping.OnTrainBegin(harness.Context);

        var stopped = new[] { 0.50, 0.60, 0.605, 0.70, 0.69, 0.705 }.Select((accuracy, i) =>
        {
            stopping.OnEpochEnd(harness.Context, CallbackHarness.Epoch(i + 1, validationLoss: 1, validationAccuracy: accuracy));
            return harness.Context.StopRequested;
        }).ToArray();

        // 0.605 is within the minimum delta of 0.60, 0.705 within it of 0.70: no gain either time, and the second time is the second in a row.
        CollectionAssert.AreEqual(new[] { false, false, false, false, false, true }, stopped);
        Assert.AreEqual(6, stopping.StoppedEpoch);
    }

    [TestMethod]
    public void OnEpochEnd_ValidationMeanAbsoluteError_LowerIsBetter_PatienceZeroStopsAtTheFirstEpochWithoutGain()
    {
        using var harness = new CallbackHarness();
        var stopping = new EarlyStopping("val_mae");
        stopping.OnTrainBegin(harness.Context);

        foreach (var (mae, epoch) in new[] { 2.0, 1.5, 1.6 }.Select((m, i) => (m, i + 1)))
        {
            stopping.OnEpochEnd(harness.Context, new MlpEpoch(epoch, 1, 0, 0, 1, 0, mae, "mae", TimeSpan.Zero));
        }

        Assert.IsTrue(harness.Context.StopRequested);
        Assert.AreEqual(3, stopping.StoppedEpoch);
    }

    [TestMethod]
    public void OnTrainEnd_RestoreBestWeights_PutsBackTheBestEpochsWeights()
    {
        using var harness = new CallbackHarness();
        var stopping = new EarlyStopping("loss", patience: 1, restoreBestWeights: true);
        stopping.OnTrainBegin(harness.Context);

        harness.SetWeights(0.25f);
        stopping.OnEpochEnd(harness.Context, CallbackHarness.Epoch(1, loss: 0.5));
        harness.SetWeights(0.75f);
        stopping.OnEpochEnd(harness.Context, CallbackHarness.Epoch(2, loss: 0.7));
        stopping.OnTrainEnd(harness.Context);

        Assert.IsTrue(harness.Context.StopRequested);
        Assert.IsTrue(harness.Weights().All(w => w == 0.25f));
    }

    [TestMethod]
    public void OnEpochEnd_FigureTheEpochsDoNotHave_ThrowsNamingTheFiguresThereAre()
    {
        using var harness = new CallbackHarness();
        var stopping = new EarlyStopping("val_los");

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => stopping.OnEpochEnd(harness.Context, CallbackHarness.Epoch(1, validationLoss: 0.3, validationAccuracy: 0.9)));

        Assert.AreEqual("EarlyStopping monitors 'val_los', which epoch 1 does not have; it has loss, accuracy, penalty, val_loss, val_penalty, val_accuracy, time.", error.Message);
    }

    /// <summary>
    /// Early stopping from the options, now the built-in callback, against figures recorded from the loop that had it
    /// built in (commit 66c1164): the same epochs trained and the same weights, to the last bit of their sum.
    /// </summary>
    [TestMethod]
    [DataRow("valloss-restore", MlpMonitor.ValidationLoss, 2, 0f, true, 9, 1447.668722687222)]
    [DataRow("valloss-delta", MlpMonitor.ValidationLoss, 1, 0.01f, false, 6, 1405.1267564872699)]
    [DataRow("valacc-restore", MlpMonitor.ValidationMetric, 2, 0f, true, 7, 1363.2357787712765)]
    [DataRow("trainloss", MlpMonitor.TrainingLoss, 0, 0.05f, false, 7, 1447.668722687222)]
    public void Fit_OptionsEarlyStopping_StopsAtTheSameEpochWithTheSameWeightsAsBefore(string name, MlpMonitor monitor, int patience, float minDelta, bool restore, int epochs, double weightSum)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 600);

        var model = mlContext.Transforms.NormalizePixels("Features", "Pixels").Append(mlContext.Mlp(new MlpOptions
        {
            HiddenLayers = [32],
            Epochs = 30,
            BatchSize = 32,
            ValidationFraction = 0.2f,
            LearningRate = 0.003f,
            Seed = 7,
            EarlyStopping = new MlpEarlyStopping { Monitor = monitor, Patience = patience, MinDelta = minDelta, RestoreBestWeights = restore },
        })).Fit(data).LastTransformer.Model;

        Assert.HasCount(epochs, model.History, name);
        Assert.AreEqual(weightSum, WeightSum(model), 0, name);
    }

    internal static double WeightSum(MlpModel model) =>
        model.GetWeights().Sum(w => w.Kernel.Cast<float>().Sum(v => (double)Math.Abs(v)) + w.Bias.Sum(v => (double)Math.Abs(v)));
}
