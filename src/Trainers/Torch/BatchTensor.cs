using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// Float tensors for batches of rows, always in memory libtorch allocates itself. Not memory the GC manages wrapped by a
/// tensor, nor <c>torch.tensor(float[])</c>: that allocates a managed copy per call (an epoch's worth of
/// large-object-heap garbage, so process memory climbs between full collections), and the storage's alignment would
/// vary from run to run; BLAS kernels pick code paths by alignment, so same-seed runs would differ in the last bit.
/// libtorch aligns its allocations the same way every time.
/// </summary>
internal static class BatchTensor
{
    /// <summary>An uninitialized tensor of <paramref name="shape"/> that belongs to the caller, outside any dispose scope.</summary>
    public static Tensor Allocate(long[] shape) => torch.empty(shape, ScalarType.Float32).DetachFromDisposeScope();

    /// <summary>The tensor's values, to read and write in place (the tensor must be contiguous and on the CPU).</summary>
    public static Span<float> Values(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);

    /// <summary>Copies <paramref name="values"/> into a new tensor (in the current dispose scope) on <paramref name="device"/>.</summary>
    public static Tensor From(float[] values, long[] shape, Device device)
    {
        var tensor = torch.empty(shape, ScalarType.Float32);
        values.AsSpan().CopyTo(Values(tensor));
        return device.type == DeviceType.CPU ? tensor : tensor.to(device);
    }
}
