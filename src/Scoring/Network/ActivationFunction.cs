using System.Numerics.Tensors;

namespace MlNetMlp.Scoring.Network;

/// <summary>The activations of <see cref="MlpActivation"/>, applied in place to one row of units, as torch computes them.</summary>
internal static class ActivationFunction
{
    public static void Apply(MlpActivation activation, Span<float> x)
    {
        switch (activation)
        {
            case MlpActivation.Linear:
                break;
            case MlpActivation.Relu:
                TensorPrimitives.Max(x, 0f, x);
                break;
            case MlpActivation.Sigmoid:
                TensorPrimitives.Sigmoid(x, x);
                break;
            case MlpActivation.Tanh:
                TensorPrimitives.Tanh(x, x);
                break;
            case MlpActivation.Elu:
                foreach (ref var value in x)
                {
                    value = value > 0 ? value : MathF.Exp(value) - 1;
                }

                break;
            case MlpActivation.Gelu:
                // torch's exact GELU: x·Φ(x) = x/2·(1 + erf(x/√2)).
                foreach (ref var value in x)
                {
                    value = (float)(0.5 * value * (1 + Erf.Of(value / Math.Sqrt(2))));
                }

                break;
            case MlpActivation.Softmax:
                // Shifting by the maximum keeps exp from overflowing; the result is the same distribution.
                TensorPrimitives.Subtract(x, TensorPrimitives.Max(x), x);
                TensorPrimitives.Exp(x, x);
                TensorPrimitives.Divide(x, TensorPrimitives.Sum(x), x);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), $"Expected a resolved activation. Received: activation={activation}");
        }
    }
}
