using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Torch;

/// <summary>Turns a managed float buffer into one tensor in libtorch's own memory.</summary>
internal static class BatchTensor
{
    /// <summary>
    /// One copy of <paramref name="values"/> into a tensor allocated by libtorch. <c>torch.tensor(float[])</c> wraps the
    /// pinned managed array instead, whose alignment varies from run to run; the BLAS kernels pick code paths by
    /// alignment, so results would differ in the last bit between runs with the same seed.
    /// </summary>
    public static Tensor From(float[] values, long[] shape, Device device)
    {
        using var wrapped = torch.tensor(values, shape);
        return wrapped.to(device, copy: true);
    }
}
