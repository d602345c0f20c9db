namespace MlNetMlp;

/// <summary>Where the network trains and runs.</summary>
public enum MlpDevice
{
    /// <summary>The CPU; results are identical run to run for a given seed and thread count.</summary>
    Cpu,

    /// <summary>The first CUDA GPU; <c>Fit</c> throws when libtorch sees none (the packaged TorchSharp-cpu never does).</summary>
    Cuda,
}
