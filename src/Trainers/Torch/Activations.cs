using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>Applies an <see cref="MlpActivation"/> to a batch (rows × units).</summary>
internal static class Activations
{
    public static Tensor Apply(MlpActivation activation, Tensor x) => activation switch
    {
        MlpActivation.Linear => x.alias(),
        MlpActivation.Relu => x.relu(),
        MlpActivation.Sigmoid => x.sigmoid(),
        MlpActivation.Tanh => x.tanh(),
        MlpActivation.Elu => nn.functional.elu(x, alpha: 1.0),
        MlpActivation.Gelu => nn.functional.gelu(x),
        MlpActivation.Softmax => x.softmax(1),
        MlpActivation.Selu => nn.functional.selu(x),
        MlpActivation.Silu => nn.functional.silu(x),
        MlpActivation.Mish => nn.functional.mish(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), $"Expected a resolved activation. Received: activation={activation}"),
    };
}
