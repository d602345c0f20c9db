using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// The learned factor <c>gamma</c> (ones) and offset <c>beta</c> (zeros) of a normalization module, registered on it
/// when scale and center are on; null when off, as torch's functional normalizations take them.
/// </summary>
internal sealed class NormalizationParameters : IDisposable
{
    public NormalizationParameters(nn.Module module, int inputs, bool scale, bool center)
    {
        if (scale)
        {
            Gamma = new Parameter(torch.ones(inputs));
            module.register_parameter("gamma", Gamma);
        }

        if (center)
        {
            Beta = new Parameter(torch.zeros(inputs));
            module.register_parameter("beta", Beta);
        }
    }

    public Parameter? Gamma { get; }

    public Parameter? Beta { get; }

    /// <summary>Gamma and beta, those that exist, in the order the layer description names them.</summary>
    public IEnumerable<Tensor> Tensors => new Tensor?[] { Gamma, Beta }.OfType<Tensor>();

    public void Dispose()
    {
        Gamma?.Dispose();
        Beta?.Dispose();
    }
}
