using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>
/// Keras's gradient clipping, applied to the gradients before the optimizer's update: <c>clipnorm</c> rescales each
/// weight's gradient to at most that L2 norm, <c>global_clipnorm</c> rescales all of them together so their joint norm
/// is at most it, <c>clipvalue</c> clamps each gradient value to [-v, v]. At most one is set.
/// </summary>
internal sealed record GradientClipping(double? ClipNorm, double? GlobalClipNorm, double? ClipValue)
{
    public static GradientClipping None { get; } = new(null, null, null);

    /// <summary>Clips the gradients of <paramref name="parameters"/> in place.</summary>
    public void Apply(IReadOnlyList<Tensor> parameters, TorchScalars scalars)
    {
        if (ClipNorm is { } norm)
        {
            foreach (var gradient in Gradients(parameters))
            {
                Rescale(gradient, gradient.norm().item<float>(), norm, scalars);
            }
        }
        else if (GlobalClipNorm is { } global)
        {
            var gradients = Gradients(parameters).ToList();
            var total = Math.Sqrt(gradients.Sum(g => Math.Pow(g.norm().item<float>(), 2)));
            foreach (var gradient in gradients)
            {
                Rescale(gradient, total, global, scalars);
            }
        }
        else if (ClipValue is { } value)
        {
            foreach (var gradient in Gradients(parameters))
            {
                gradient.clamp_(scalars.Of(-value), scalars.Of(value));
            }
        }
    }

    /// <summary>Keras's rule: g · clip / max(norm, clip), so a gradient already within the norm is unchanged.</summary>
    private static void Rescale(Tensor gradient, double norm, double clip, TorchScalars scalars)
    {
        if (norm > clip)
        {
            gradient.mul_(scalars.Of(clip / norm));
        }
    }

    private static IEnumerable<Tensor> Gradients(IReadOnlyList<Tensor> parameters) => parameters.Select(p => p.grad).OfType<Tensor>();
}
