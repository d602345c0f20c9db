using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Torch;

/// <summary>Turns a managed float buffer into one tensor in libtorch's own memory.</summary>
internal static class BatchTensor
{
    /// <summary>
    /// Copies <paramref name="values"/> straight into a tensor that libtorch allocates, once, with no managed garbage.
    /// Not <c>torch.tensor(float[])</c>: it allocates a managed copy per call (an epoch's worth of large-object-heap
    /// garbage, so process memory climbs between full collections) and the resulting storage's alignment varies from
    /// run to run, and BLAS kernels pick code paths by alignment, so same-seed runs would differ in the last bit.
    /// </summary>
    public static Tensor From(float[] values, long[] shape, Device device)
    {
        var tensor = torch.empty(shape, ScalarType.Float32);
        MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(tensor.bytes);
        return device.type == DeviceType.CPU ? tensor : tensor.to(device);
    }
}
