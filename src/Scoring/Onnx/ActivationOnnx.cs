using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Scoring.Onnx;

/// <summary>
/// The activations of <see cref="MlpActivation"/> as ONNX nodes (opset 12), with the definitions
/// <see cref="ActivationFunction"/> computes: ELU with alpha 1, exact GELU through the error function (ONNX's Gelu
/// operator is opset 20), softmax over the units of a row; SELU with torch's constants, SiLU as x·sigmoid(x) and Mish as x·tanh(softplus(x)) (ONNX's Mish is opset 18).
/// </summary>
internal static class ActivationOnnx
{
    /// <summary>Writes <paramref name="activation"/> of <paramref name="x"/> ([N, units]) and returns the result's variable.</summary>
    public static string Apply(OnnxGraph graph, MlpActivation activation, string x) => activation switch
    {
        MlpActivation.Linear => x,
        MlpActivation.Relu => graph.Apply("Relu", x),
        MlpActivation.Sigmoid => graph.Apply("Sigmoid", x),
        MlpActivation.Tanh => graph.Apply("Tanh", x),
        MlpActivation.Elu => graph.Apply("Elu", [x], node => node.AddAttribute("alpha", 1d)),
        MlpActivation.Gelu => graph.Apply("Mul",
            graph.Apply("Mul", x, graph.Constant(0.5f)),
            graph.Apply("Add", graph.Constant(1f), graph.Apply("Erf", graph.Apply("Div", x, graph.Constant(MathF.Sqrt(2)))))),
        MlpActivation.Softmax => graph.Apply("Softmax", [x], node => node.AddAttribute("axis", 1L)),
        MlpActivation.Selu => graph.Apply("Selu", [x], node =>
        {
            node.AddAttribute("alpha", (double)ActivationFunction.SeluAlpha);
            node.AddAttribute("gamma", (double)ActivationFunction.SeluScale);
        }),
        MlpActivation.Silu => graph.Apply("Mul", x, graph.Apply("Sigmoid", x)),
        MlpActivation.Mish => graph.Apply("Mul", x, graph.Apply("Tanh", graph.Apply("Softplus", x))),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), $"Expected a resolved activation. Received: activation={activation}"),
    };
}
