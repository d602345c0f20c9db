using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Tests.Trainers.Callbacks;
using MlNetMlp.Trainers.Torch;
using MlNetMlp.Trainers.Torch.Optimizers;
using TorchSharp;

namespace MlNetMlp.Tests.Trainers.Optimizers;

/// <summary>
/// The optimizers, now the library's own (their whole state can be saved and restored): RMSprop, SGD and Adam give
/// the results torch's gave, bit for bit; AdamW, Nadam, AMSGrad, weight decay and the three clippings follow their
/// published formulas step by step; the options refuse what Keras refuses.
/// </summary>
[TestClass]
public sealed class OptimizerTests
{
    /// <summary>Figures recorded with torch's own Adam and SGD and the Keras RMSprop before the optimizers were replaced (commit 66c1164).</summary>
    [TestMethod]
    [DataRow(MlpOptimizer.Adam, 0f, 0.002f, 0.5667419954140981, 1248.7846659002328)]
    [DataRow(MlpOptimizer.Sgd, 0f, 0.05f, 1.1214965716997782, 1160.9833477803343)]
    [DataRow(MlpOptimizer.Sgd, 0.9f, 0.05f, 0.3596353911360105, 1338.220571618611)]
    [DataRow(MlpOptimizer.RmsProp, 0f, 0.002f, 0.538087747891744, 1243.258449777831)]
    public void Fit_DefaultsOfEachOptimizer_GiveTheResultsOfBefore(MlpOptimizer optimizer, float momentum, float rate, double loss, double weightSum)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 600);

        var model = mlContext.Transforms.NormalizePixels("Features", "Pixels").Append(mlContext.Mlp(new MlpOptions
        {
            HiddenLayers = [32],
            Epochs = 3,
            BatchSize = 32,
            Optimizer = optimizer,
            Momentum = momentum,
            LearningRate = rate,
            Seed = 7,
        })).Fit(data).LastTransformer.Model;

        Assert.AreEqual(loss, model.History[^1].TrainingLoss, 0);
        Assert.AreEqual(weightSum, EarlyStoppingTests.WeightSum(model), 0);
    }

    [TestMethod]
    public void AdamW_OneStep_DecaysTheWeightThenTakesAdamsStep()
    {
        // w = 2, g = 0.5, lr 0.1, decay 0.004: w ← 2·(1 - 0.1·0.004) = 1.9992, then Adam's first step: m̂ = g, v̂ = g², so w -= 0.1·g/(|g| + ε).
        var (value, _) = OneStep(parameters => new AdamOptimizer(parameters, 0.1, 0.9, 0.999, 1e-7, amsgrad: false, weightDecay: 0.004, GradientClipping.None), weight: 2f, gradient: 0.5f);

        Assert.AreEqual(1.9992 - 0.1 * 0.5 / (0.5 + 1e-7), value, 1e-6);
    }

    [TestMethod]
    public void Nadam_TwoSteps_FollowDozatsMomentumSchedule()
    {
        using var parameter = torch.tensor(new float[] { 1f }).requires_grad_();
        using var optimizer = new NadamOptimizer([(parameter, false)], 0.01, 0.9, 0.999, 1e-7, weightDecay: 0, GradientClipping.None);
        double w = 1, m = 0, v = 0, product = 1;
        foreach (var (step, g) in new[] { (1, 0.3), (2, -0.2) })
        {
            Backward(parameter, (float)g);
            optimizer.Step();
            double Mu(int t) => 0.9 * (1 - 0.5 * Math.Pow(0.96, t * 0.004));
            product *= Mu(step);
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            var d = Math.Sqrt(v / (1 - Math.Pow(0.999, step))) + 1e-7;
            w -= 0.01 * (1 - Mu(step)) / (1 - product) * g / d + 0.01 * Mu(step + 1) / (1 - product * Mu(step + 1)) * m / d;
            Assert.AreEqual(w, parameter.data<float>()[0], 1e-6, $"step {step}");
        }
    }

    [TestMethod]
    public void AdamAmsgrad_SecondStepWithASmallerGradient_DividesByTheLargerSecondMoment()
    {
        using var parameter = torch.tensor(new float[] { 0f }).requires_grad_();
        using var optimizer = new AdamOptimizer([(parameter, false)], 0.1, 0.9, 0.5, 1e-7, amsgrad: true, weightDecay: 0, GradientClipping.None);

        Backward(parameter, 1);
        optimizer.Step();
        Backward(parameter, 0.01f);
        optimizer.Step();

        // v1 = 0.5, v2 = 0.5·0.5 + 0.5·1e-4 = 0.25005 < v1, so AMSGrad keeps 0.5; m2 = 0.9·0.1 + 0.1·0.01 = 0.091.
        var first = -0.1 / (1 - 0.9) * 0.1 / (Math.Sqrt(0.5) / Math.Sqrt(1 - 0.5) + 1e-7);
        var second = -0.1 / (1 - 0.81) * 0.091 / (Math.Sqrt(0.5) / Math.Sqrt(1 - 0.25) + 1e-7);
        Assert.AreEqual(first + second, parameter.data<float>()[0], 1e-6);
    }

    [TestMethod]
    public void Sgd_WeightDecay_IsDecoupledAndSkipsParametersThatDoNotDecay()
    {
        using var kernel = torch.tensor(new float[] { 1f }).requires_grad_();
        using var bias = torch.tensor(new float[] { 1f }).requires_grad_();
        using var optimizer = new SgdOptimizer([(kernel, true), (bias, false)], 0.1, 0, weightDecay: 0.5, GradientClipping.None);

        Backward(kernel, 0.2f);
        Backward(bias, 0.2f);
        optimizer.Step();

        Assert.AreEqual(1 * (1 - 0.1 * 0.5) - 0.1 * 0.2, kernel.data<float>()[0], 1e-7);
        Assert.AreEqual(1 - 0.1 * 0.2, bias.data<float>()[0], 1e-7);
    }

    [TestMethod]
    public void OptimizedParameters_DecayKernelsOnlyUnlessEveryWeightIsAsked()
    {
        var architecture = new NetworkArchitecture(3, [MlpLayer.Dense(4), MlpLayer.BatchNormalization(), MlpLayer.Dense(2, trainable: false)], 1, MlpActivation.Linear, MlpLoss.MeanSquaredError);
        using var network = new MlpNetwork(architecture, MlpKernelInitializer.GlorotUniform, 1);

        var kernelsOnly = network.OptimizedParameters(decayEveryWeight: false);
        var every = network.OptimizedParameters(decayEveryWeight: true);

        // Trainable: dense kernel and bias, gamma and beta, the output kernel and bias; the frozen dense layer is left out.
        CollectionAssert.AreEqual(new[] { "4x3 decays", "4", "4", "4", "1x2 decays", "1" }, kernelsOnly.Select(p => string.Join("x", p.Parameter.shape) + (p.Decays ? " decays" : "")).ToArray());
        Assert.IsTrue(every.All(p => p.Decays));
    }

    [TestMethod]
    public void GradientClipping_ClipNormPerWeight_GlobalNormTogether_ValueElementwise()
    {
        using var a = torch.tensor(new float[] { 3f, 4f }).requires_grad_();
        using var b = torch.tensor(new float[] { 0f, 12f }).requires_grad_();
        using var scalars = new TorchScalars();
        double[] Clip(GradientClipping clipping)
        {
            Backward(a, 3, 4);
            Backward(b, 0, 12);
            clipping.Apply([a, b], scalars);
            return [.. a.grad!.data<float>().ToArray().Concat(b.grad!.data<float>().ToArray()).Select(v => Math.Round(v, 5))];
        }

        // Norms 5 and 12: clipnorm 6 leaves a, scales b to 6; the joint norm 13 scaled to 6.5 halves both; clipvalue 3.5 clamps.
        CollectionAssert.AreEqual(new[] { 3.0, 4, 0, 6 }, Clip(new GradientClipping(6, null, null)));
        CollectionAssert.AreEqual(new[] { 1.5, 2, 0, 6 }, Clip(new GradientClipping(null, 6.5, null)));
        CollectionAssert.AreEqual(new[] { 3.0, 3.5, 0, 3.5 }, Clip(new GradientClipping(null, null, 3.5)));
    }

    [TestMethod]
    public void Save_ThenLoadIntoAFreshOptimizer_TheNextStepsAreIdentical()
    {
        using var first = torch.tensor(new float[] { 1f, -1f }).requires_grad_();
        using var second = torch.tensor(new float[] { 1f, -1f }).requires_grad_();
        using var original = new NadamOptimizer([(first, true)], 0.01, 0.9, 0.95, 1e-7, 0.01, GradientClipping.None);
        using var restored = new NadamOptimizer([(second, true)], 0.5, 0.9, 0.95, 1e-7, 0.01, GradientClipping.None);
        for (var step = 0; step < 3; step++)
        {
            Backward(first, 0.3f, -0.1f);
            original.Step();
        }

        using (torch.no_grad())
        {
            second.copy_(first);
        }

        restored.Load(original.Save());
        for (var step = 0; step < 2; step++)
        {
            Backward(first, 0.2f, 0.4f);
            Backward(second, 0.2f, 0.4f);
            original.Step();
            restored.Step();
        }

        CollectionAssert.AreEqual(first.data<float>().ToArray(), second.data<float>().ToArray());
        Assert.AreEqual(5, restored.Iterations);
        Assert.AreEqual(0.01, restored.LearningRate);
    }

    [TestMethod]
    [DataRow("ClipNorm", "Expected at most one of clipNorm, globalClipNorm and clipValue (as Keras). Received: clipNorm and clipValue")]
    [DataRow("Amsgrad", "Expected amsgrad with Adam or AdamW only. Received: amsgrad with RmsProp")]
    [DataRow("Beta2", "Expected beta2 in [0, 1). Received: beta2=1")]
    [DataRow("WeightDecay", "Expected a finite weightDecay >= 0. Received: weightDecay=-0.1")]
    public void Mlp_OptimizerOptionsThatDoNotGoTogether_AreRefusedWhenTheTrainerIsBuilt(string option, string message)
    {
        var options = option switch
        {
            "ClipNorm" => new MlpOptions { ClipNorm = 1, ClipValue = 0.5f },
            "Amsgrad" => new MlpOptions { Amsgrad = true },
            "Beta2" => new MlpOptions { Optimizer = MlpOptimizer.Adam, Beta2 = 1 },
            _ => new MlpOptions { Optimizer = MlpOptimizer.AdamW, WeightDecay = -0.1f },
        };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(options));

        Assert.AreEqual(option, error.ParamName);
        StringAssert.StartsWith(error.Message, message);
    }

    [TestMethod]
    public void Fit_AdamWWithClipping_RecordsTheOptimizerAsKerasWouldWriteIt_AndKeepsItThroughSaveAndLoad()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 200);
        var model = mlContext.Transforms.NormalizePixels("Features", "Pixels")
            .Append(mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 2, Optimizer = MlpOptimizer.AdamW, Beta2 = 0.95f, GlobalClipNorm = 1, Seed = 3 })).Fit(data);
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var settings = ((Microsoft.ML.Data.TransformerChain<ITransformer>)mlContext.Model.Load(stream, out _)).LastTransformer is MlpTransformer loaded ? loaded.Model.TrainingSettings : null;

        Assert.AreEqual("AdamW(learning_rate=0.001, beta_1=0.9, beta_2=0.95, weight_decay=0.004, global_clipnorm=1)", settings!["optimizer"]);
        Assert.AreEqual("3", settings["seed"]);
        Assert.AreEqual("2", settings["epochs"]);
    }

    private static (float Value, float Gradient) OneStep(Func<IReadOnlyList<(torch.Tensor, bool)>, StepOptimizer> create, float weight, float gradient)
    {
        using var parameter = torch.tensor(new[] { weight }).requires_grad_();
        using var optimizer = create([(parameter, true)]);
        Backward(parameter, gradient);
        optimizer.Step();
        return (parameter.data<float>()[0], gradient);
    }

    /// <summary>Sets the parameter's gradient to <paramref name="gradient"/> through a backward pass of Σ gradient·w.</summary>
    private static void Backward(torch.Tensor parameter, params float[] gradient)
    {
        parameter.grad?.zero_();
        using var loss = (parameter * torch.tensor(gradient)).sum();
        loss.backward();
    }
}
