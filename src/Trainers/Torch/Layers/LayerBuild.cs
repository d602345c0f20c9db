using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// What a layer's torch module is built with besides its description: the width of its input, the network's
/// generator (kernels are drawn from it, dropout and noise keep drawing from it) and the network's kernel initializer.
/// </summary>
internal sealed record LayerBuild(int Inputs, Generator Generator, MlpKernelInitializer KernelInitializer);
