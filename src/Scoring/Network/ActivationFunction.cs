using System.Numerics.Tensors;

namespace MlNetMlp.Scoring.Network;

/// <summary>The activations of <see cref="MlpActivation"/>, applied in place to one row of units, as torch computes them.</summary>
internal static class ActivationFunction
{
    /// <summary>SELU's α and λ as torch and ONNX define them.</summary>
    public const float SeluAlpha = 1.6732632423543772848170429916717f;

    /// <summary>SELU's scale λ.</summary>
    public const float SeluScale = 1.0507009873554804934193349852946f;

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
            case MlpActivation.Selu:
                foreach (ref var value in x)
                {
                    value = value > 0 ? SeluScale * value : SeluScale * (SeluAlpha * (MathF.Exp(value) - 1));
                }

                break;
            case MlpActivation.Silu:
                foreach (ref var value in x)
                {
                    value /= 1 + MathF.Exp(-value);
                }

                break;
            case MlpActivation.Mish:
                // torch's mish: x·tanh(log1p(e^x)); for large x, e^x overflows to infinity and tanh(∞) = 1 leaves x.
                foreach (ref var value in x)
                {
                    value *= MathF.Tanh(Log1P(MathF.Exp(value)));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), $"Expected a resolved activation. Received: activation={activation}");
        }
    }

    /// <summary>log(1 + y), accurate for small y (where 1 + y rounds).</summary>
    private static float Log1P(float y) => y < 1e-4f ? y - y * y / 2 : MathF.Log(1 + y);
}
