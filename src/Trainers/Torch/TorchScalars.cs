using TorchSharp;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// The torch scalars a component uses batch after batch, made once and disposed with it. TorchSharp turns every .NET
/// number passed to a tensor operation into a native scalar that no dispose scope tracks, so only the GC's finalizer
/// frees it; training allocates so little managed memory that the GC rarely runs, and thousands of those small native
/// blocks left between the batches' large buffers fragment the C heap (on 60,000 MNIST rows it grew by over 300 MB).
/// Per-batch code therefore passes scalars from here, or disposes the ones it makes (<c>using var</c>).
/// </summary>
internal sealed class TorchScalars : IDisposable
{
    private readonly List<Scalar> _scalars = [];

    public Scalar Of(double value) => Keep(value.ToScalar());

    public Scalar Of(float value) => Keep(value.ToScalar());

    public void Dispose()
    {
        foreach (var scalar in _scalars)
        {
            scalar.Dispose();
        }

        _scalars.Clear();
    }

    private Scalar Keep(Scalar scalar)
    {
        _scalars.Add(scalar);
        return scalar;
    }
}
