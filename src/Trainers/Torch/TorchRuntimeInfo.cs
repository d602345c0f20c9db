namespace MlNetMlp;

/// <summary>What <see cref="TorchRuntime.Describe"/> reports about the running engine.</summary>
/// <param name="MlNetVersion">The Microsoft.ML version loaded.</param>
/// <param name="TorchSharpVersion">The TorchSharp version loaded.</param>
/// <param name="LibTorchVersion">The native libtorch version.</param>
/// <param name="TorchThreads">torch.get_num_threads(): threads libtorch uses for one operation.</param>
/// <param name="ProcessorCount">Logical cores the process sees.</param>
/// <param name="Devices">Devices available, e.g. "cpu".</param>
public sealed record TorchRuntimeInfo(
    string MlNetVersion,
    string TorchSharpVersion,
    string LibTorchVersion,
    int TorchThreads,
    int ProcessorCount,
    string Devices);
