using Microsoft.ML;
using MlNetMlp.Callbacks;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers.Callbacks;

/// <summary>
/// The callback mechanism itself: the hooks in Keras's order, callbacks in the order given, exceptions that name the
/// callback, and what the context lets a callback do (stop, set the rate, snapshot and restore weights, score and save
/// the current model).
/// </summary>
[TestClass]
public sealed class CallbackMechanismTests
{
    [TestMethod]
    public void Fit_TwoCallbacks_HooksRunInKerasOrder_CallbacksInTheOrderGiven()
    {
        var calls = new List<string>();

        Fit(new Recorder("a", calls), new Recorder("b", calls));

        // 60 rows, batch 32: two batches an epoch.
        CollectionAssert.AreEqual(new[]
        {
            "a train begin", "b train begin",
            "a epoch 1 begin", "b epoch 1 begin", "a batch 1.1 (32 rows)", "b batch 1.1 (32 rows)", "a batch 1.2 (28 rows)", "b batch 1.2 (28 rows)", "a epoch 1 end (history 1)", "b epoch 1 end (history 1)",
            "a epoch 2 begin", "b epoch 2 begin", "a batch 2.1 (32 rows)", "b batch 2.1 (32 rows)", "a batch 2.2 (28 rows)", "b batch 2.2 (28 rows)", "a epoch 2 end (history 2)", "b epoch 2 end (history 2)",
            "a train end", "b train end",
        }, calls.ToArray());
    }

    [TestMethod]
    public void Fit_CallbackThatThrows_FailsNamingTheCallbackAndTheHook()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Fit(new Throwing()));

        Assert.AreEqual("Callback Throwing failed in OnEpochEnd (epoch 1): the disk is full", error.Message);
        Assert.IsInstanceOfType<IOException>(error.InnerException);
    }

    [TestMethod]
    public void Fit_CallbackStopsTrainingAndSetsTheRate_TheRunObeys()
    {
        var model = Fit(new Steering());

        Assert.HasCount(3, model.History, "stopped after epoch 3 of 10");
        CollectionAssert.AreEqual(new[] { 0.001, 0.0005, 0.0005 }, model.History.Select(e => Math.Round(e.LearningRate!.Value, 9)).ToArray());
    }

    [TestMethod]
    public void Fit_CallbackRestoresASnapshot_TheRunEndsWithThoseWeights_AndTheTransformerOfThatMomentScores()
    {
        var keeper = new SnapshotKeeper();

        var model = Fit(keeper);

        for (var layer = 0; layer <= model.HiddenLayers.Count; layer++)
        {
            foreach (var (name, values) in keeper.AtEpoch1!.Model.GetLayerWeights(layer))
            {
                CollectionAssert.AreEqual(values, model.GetLayerWeights(layer)[name], $"layer {layer} {name}");
            }
        }

        Assert.HasCount(1, keeper.AtEpoch1!.Model.History);
    }

    private static MlpModel Fit(params MlpCallback[] callbacks)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 60);
        var features = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data);
        return mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = callbacks.Any(c => c is Steering) ? 10 : 2, Callbacks = callbacks, Seed = 1 }).Fit(features).Model;
    }

    private sealed class Recorder(string name, List<string> calls) : MlpCallback
    {
        public override void OnTrainBegin(MlpTrainingContext context) => calls.Add($"{name} train begin");

        public override void OnEpochBegin(MlpTrainingContext context, int epoch) => calls.Add($"{name} epoch {epoch} begin");

        public override void OnBatchEnd(MlpTrainingContext context, MlpBatch batch) => calls.Add($"{name} batch {batch.Epoch}.{batch.Batch} ({batch.Rows} rows)");

        public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch) => calls.Add($"{name} epoch {epoch.Epoch} end (history {context.History.Count})");

        public override void OnTrainEnd(MlpTrainingContext context) => calls.Add($"{name} train end");
    }

    private sealed class Throwing : MlpCallback
    {
        public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch) => throw new IOException("the disk is full");
    }

    /// <summary>Halves the rate after epoch 1 and stops after epoch 3.</summary>
    private sealed class Steering : MlpCallback
    {
        public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
        {
            if (epoch.Epoch == 1)
            {
                context.LearningRate /= 2;
            }

            if (epoch.Epoch == 3)
            {
                context.StopTraining();
            }
        }
    }

    /// <summary>Keeps epoch 1's weights and its transformer, and puts the weights back at the end.</summary>
    private sealed class SnapshotKeeper : MlpCallback
    {
        private MlpWeightsSnapshot? _snapshot;

        public MlpTransformer? AtEpoch1 { get; private set; }

        public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
        {
            if (epoch.Epoch == 1)
            {
                _snapshot = context.SnapshotWeights();
                AtEpoch1 = context.CurrentTransformer();
            }
        }

        public override void OnTrainEnd(MlpTrainingContext context) => context.RestoreWeights(_snapshot!);
    }
}
