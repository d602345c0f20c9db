using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Trainers.Torch;
using TorchSharp;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// The four ways a trained network is computed, held to one another: torch's forward pass (eval mode, as the trainer
/// validates), the managed pass of the transformer, ONNX Runtime on the exported graph (Single values within 1e-5,
/// relative above 1, labels identical), and the model saved and applied in another process (bit-identical).
/// </summary>
internal static class NetworkAgreement
{
    public const double Tolerance = 1e-5;

    /// <summary>Asserts all four agree on <paramref name="features"/> (data holding the transformer's feature column) and returns the largest torch and ONNX differences.</summary>
    public static (double Torch, double Onnx) AssertAllAgree(MLContext mlContext, MlpTransformer transformer, IDataView features)
    {
        var scored = transformer.Transform(features);
        var columns = scored.Schema.Skip(features.Schema.Count).Select(column => column.Name).ToArray();
        var torchDifference = AssertTorchAgrees(transformer, scored);

        using var directory = new TemporaryDirectory();
        using var onnx = OnnxModel.Export(mlContext, transformer, features, directory.File("model.onnx"));
        var onnxDifference = OnnxAgreement.AssertSame(scored, onnx.Run(features), columns);

        ChildProcessRoundTrip.AssertIdentical(mlContext, transformer, features, columns);
        return (torchDifference, onnxDifference);
    }

    /// <summary>The transformer's activated outputs (probabilities or values) against torch's forward pass of the same weights.</summary>
    private static double AssertTorchAgrees(MlpTransformer transformer, IDataView scored)
    {
        var model = transformer.Model;
        var features = scored.GetColumn<VBuffer<float>>(transformer.FeatureColumnName).Select(row => row.DenseValues().ToArray()).ToArray();
        var activated = ActivatedColumn(transformer, scored);
        var (_, expected) = TorchForward(model, features);
        var largest = 0d;
        for (var i = 0; i < expected.Length; i++)
        {
            var difference = Math.Abs((double)expected[i] - activated[i]);
            largest = Math.Max(largest, difference);
            Assert.IsTrue(difference <= Tolerance * Math.Max(1, Math.Abs(expected[i])), $"row {i / model.OutputSize}, unit {i % model.OutputSize}: torch {expected[i]}, managed {activated[i]}");
        }

        return largest;
    }

    /// <summary>The same weights in a torch network, run as the trainer runs validation (eval mode, no gradients): outputs before and after the output activation, row after row.</summary>
    public static (float[] Raw, float[] Activated) TorchForward(MlpModel model, float[][] features)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var network = new MlpNetwork(model.Architecture, MlpKernelInitializer.GlorotUniform, seed: 0);
        network.ImportWeights(model.Weights);
        network.eval();
        var raw = network.forward(torch.tensor(features.SelectMany(f => f).ToArray(), [features.Length, model.InputSize]));
        return (raw.data<float>().ToArray(), Activations.Apply(model.OutputActivation, raw).data<float>().ToArray());
    }

    /// <summary>The output activation's values as the transformer gives them: Probability for binary, Score otherwise.</summary>
    private static float[] ActivatedColumn(MlpTransformer transformer, IDataView scored) => transformer.Model.Task switch
    {
        MlpTask.BinaryClassification => [.. scored.GetColumn<float>(MlpTransformer.ProbabilityColumnName)],
        _ when scored.Schema[MlpTransformer.ScoreColumnName].Type is VectorDataViewType => [.. scored.GetColumn<VBuffer<float>>(MlpTransformer.ScoreColumnName).SelectMany(s => s.DenseValues())],
        _ => [.. scored.GetColumn<float>(MlpTransformer.ScoreColumnName)],
    };
}
