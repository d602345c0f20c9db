namespace MlNetMlp;

/// <summary>How dense-layer kernels start (for the whole network in <c>MlpOptions.KernelInitializer</c>, or for one layer), with Keras's definitions (fan_in = inputs, fan_out = units). Biases start at zero.</summary>
public enum MlpKernelInitializer
{
    /// <summary>Uniform in ±sqrt(6 / (fan_in + fan_out)); Keras's default.</summary>
    GlorotUniform,

    /// <summary>Truncated normal (cut at 2σ) with σ = sqrt(2 / fan_in), as Keras's <c>HeNormal</c>.</summary>
    HeNormal,

    /// <summary>Normal with mean 0 and standard deviation 0.05, as Keras's <c>RandomNormal</c>.</summary>
    Normal,

    /// <summary>Normal with mean 0 and standard deviation 0.05, cut at 2σ, as Keras's <c>TruncatedNormal</c>.</summary>
    TruncatedNormal,

    /// <summary>Uniform in [-0.05, 0.05], as Keras's <c>RandomUniform</c>.</summary>
    Uniform,

    /// <summary>A random orthogonal matrix (QR of a standard normal one, signs fixed), gain 1, as Keras's <c>Orthogonal</c>.</summary>
    Orthogonal,

    /// <summary>Truncated normal (cut at 2σ) with σ = sqrt(1 / fan_in), as Keras's <c>LecunNormal</c>; what SELU layers need to self-normalize.</summary>
    LecunNormal,
}
