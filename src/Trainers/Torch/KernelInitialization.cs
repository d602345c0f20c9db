using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// Keras's kernel initializers, drawn from the network's generator. Keras kernels are (fan_in × fan_out); torch's
/// Linear holds the transpose, so values are drawn in Keras's shape and transposed, which keeps Orthogonal's
/// orthogonality on the right side and makes the same seed mean the same draw order as the formulas read.
/// </summary>
internal static class KernelInitialization
{
    /// <summary>Keras: stddev of the truncated normal is divided by this so the truncated distribution keeps the asked variance.</summary>
    private const double TruncatedNormalCorrection = 0.87962566103423978;

    /// <summary>Fills <paramref name="kernel"/> (units × inputs, torch layout) and zeroes <paramref name="bias"/>.</summary>
    public static void Initialize(MlpKernelInitializer initializer, Tensor kernel, Tensor bias, Generator generator)
    {
        var fanOut = kernel.shape[0];
        var fanIn = kernel.shape[1];
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var values = initializer switch
        {
            MlpKernelInitializer.GlorotUniform => Uniform(fanIn, fanOut, Math.Sqrt(6.0 / (fanIn + fanOut)), generator),
            MlpKernelInitializer.HeNormal => TruncatedNormal(fanIn, fanOut, Math.Sqrt(2.0 / fanIn) / TruncatedNormalCorrection, generator),
            MlpKernelInitializer.Normal => torch.randn([fanIn, fanOut], generator: generator) * 0.05,
            MlpKernelInitializer.TruncatedNormal => TruncatedNormal(fanIn, fanOut, 0.05, generator),
            MlpKernelInitializer.Uniform => Uniform(fanIn, fanOut, 0.05, generator),
            MlpKernelInitializer.Orthogonal => Orthogonal(fanIn, fanOut, generator),
            MlpKernelInitializer.LecunNormal => TruncatedNormal(fanIn, fanOut, Math.Sqrt(1.0 / fanIn) / TruncatedNormalCorrection, generator),
            _ => throw new ArgumentOutOfRangeException(nameof(initializer), $"Unknown kernel initializer. Received: initializer={initializer}"),
        };
        kernel.copy_(values.t());
        bias.zero_();
    }

    private static Tensor Uniform(long fanIn, long fanOut, double limit, Generator generator) =>
        (torch.rand([fanIn, fanOut], generator: generator) * 2 - 1) * limit;

    /// <summary>Normal cut at ±2σ, drawn by inverting the normal CDF on the kept band (one pass, no rejection loop).</summary>
    private static Tensor TruncatedNormal(long fanIn, long fanOut, double stddev, Generator generator)
    {
        var low = NormalCdf(-2);
        var high = NormalCdf(2);
        var u = torch.rand([fanIn, fanOut], ScalarType.Float64, generator: generator) * (high - low) + low;
        return ((u * 2 - 1).erfinv() * Math.Sqrt(2) * stddev).to(ScalarType.Float32).clamp(-2 * stddev, 2 * stddev);
    }

    /// <summary>Keras's Orthogonal: QR of a normal matrix with the longer side first, Q's columns signed by R's diagonal.</summary>
    private static Tensor Orthogonal(long fanIn, long fanOut, Generator generator)
    {
        var (rows, columns) = fanIn < fanOut ? (fanOut, fanIn) : (fanIn, fanOut);
        var normal = torch.randn([rows, columns], generator: generator);
        var (q, r) = torch.linalg.qr(normal);
        q *= r.diagonal().sign();
        return fanIn < fanOut ? q.t() : q;
    }

    private static double NormalCdf(double x)
    {
        using var erf = torch.tensor(x / Math.Sqrt(2), ScalarType.Float64).erf();
        return 0.5 * (1 + erf.item<double>());
    }
}
