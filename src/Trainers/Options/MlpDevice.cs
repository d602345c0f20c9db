namespace MlNetMlp;

/// <summary>Where the network trains and runs.</summary>
public enum MlpDevice
{
    /// <summary>The CPU; results are identical run to run for a given seed and thread count.</summary>
    Cpu,

    /// <summary>
    /// The first CUDA GPU: the network, its batches and its dropout masks live there. Refused when the trainer is built
    /// where libtorch sees no GPU (the packaged TorchSharp-cpu never does; reference a CUDA build of libtorch instead).
    /// </summary>
    Cuda,
}
