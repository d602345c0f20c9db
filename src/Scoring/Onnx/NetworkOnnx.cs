using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Scoring.Onnx;

/// <summary>
/// The network's outputs in an ONNX graph: before (<paramref name="Raw"/>) and after (<paramref name="Activated"/>) the
/// output activation, both [N, units], and for an ensemble the members' standard deviation (<paramref name="Spread"/>).
/// </summary>
internal sealed record NetworkOnnxOutputs(string Raw, string Activated, string? Spread = null);

/// <summary>
/// How a scoring plan is written as ONNX: the nodes that compute its outputs from the features, or why it cannot be.
/// </summary>
internal sealed record OnnxScoring(Func<OnnxGraph, string, NetworkOnnxOutputs>? Write, string? Blocker)
{
    /// <summary>Written by <paramref name="write"/> from the features' variable.</summary>
    public static OnnxScoring By(Func<OnnxGraph, string, NetworkOnnxOutputs> write) => new(write, null);

    /// <summary>Not expressible in ONNX, for <paramref name="reason"/>.</summary>
    public static OnnxScoring Refused(string reason) => new(null, reason);
}

/// <summary>
/// The forward pass as ONNX: each layer writes its own nodes (a dense layer a <c>Gemm</c> and its activation; dropout
/// and noise, the identity at inference, nothing), then the output activation.
/// </summary>
internal static class NetworkOnnx
{
    /// <summary>Writes the network over <paramref name="features"/> ([N, inputs] Single) and returns its outputs.</summary>
    public static NetworkOnnxOutputs Write(OnnxGraph graph, MlpModel model, string features)
    {
        var current = features;
        foreach (var (layer, weights) in model.Architecture.Layers.Zip(model.Weights))
        {
            current = layer.WriteOnnx(graph, current, weights);
        }

        return new NetworkOnnxOutputs(current, ActivationOnnx.Apply(graph, model.OutputActivation, current));
    }
}
