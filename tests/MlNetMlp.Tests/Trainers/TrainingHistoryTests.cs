using Microsoft.ML;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>The history keeps the penalty part of the validation loss, so the loss of the data alone can be read off it.</summary>
[TestClass]
public sealed class TrainingHistoryTests
{
    [TestMethod]
    public void Fit_L2WithValidation_RecordsThePenaltyOfTheFinalWeights()
    {
        const float l2 = 0.01f;
        var model = Fit([MlpLayer.Dense(8, MlpActivation.Relu, l2: l2), MlpLayer.Dense(4, MlpActivation.Relu)]);

        var last = model.History[^1];
        var weights = model.GetWeights();
        var expected = l2 * weights[0].Kernel.Cast<float>().Sum(w => (double)w * w);
        Assert.AreEqual(expected, last.ValidationPenaltyLoss!.Value, expected * 1e-5, "λ·Σw² of the first layer's final kernel; the second layer and the output have no penalty");
        Assert.AreEqual(last.ValidationLoss!.Value - last.ValidationPenaltyLoss.Value, last.ValidationLossWithoutPenalty!.Value, 1e-12);
        Assert.IsTrue(model.History.All(e => e.ValidationPenaltyLoss > 0 && e.PenaltyLoss > 0));
        Assert.AreNotEqual(model.History[0].ValidationPenaltyLoss, last.ValidationPenaltyLoss, "each epoch's own weights");
    }

    [TestMethod]
    public void Fit_WithoutPenalty_ValidationLossWithoutPenaltyIsTheValidationLoss()
    {
        var model = Fit([MlpLayer.Dense(8, MlpActivation.Relu), MlpLayer.Dropout(0.2f)]);

        foreach (var epoch in model.History)
        {
            Assert.AreEqual(0.0, epoch.ValidationPenaltyLoss);
            Assert.AreEqual(epoch.ValidationLoss, epoch.ValidationLossWithoutPenalty);
        }
    }

    [TestMethod]
    public void Fit_WithoutValidation_HasNoValidationPenalty()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Blobs.Create(20, seed: 2));
        var model = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class))
            .Append(mlContext.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(4, MlpActivation.Relu, l2: 0.01f)], Epochs = 2, Seed = 1 }))
            .Fit(data).LastTransformer.Model;

        Assert.IsTrue(model.History.All(e => e.ValidationPenaltyLoss is null && e.ValidationLossWithoutPenalty is null));
    }

    private static MlpModel Fit(IList<MlpLayer> layers)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Blobs.Create(40, seed: 5));
        return mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class))
            .Append(mlContext.Mlp(new MlpOptions { Layers = layers, Epochs = 4, BatchSize = 16, Seed = 7, ValidationFraction = 0.25f }))
            .Fit(data).LastTransformer.Model;
    }
}
