using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// <see cref="DropoutLayer"/> in torch, drawing its mask from the network's own generator, so a seed fixes training
/// completely (torch's dropout uses the process-wide generator, which other work in the process also draws from).
/// In training, zeroes each input with probability <c>rate</c> and scales the rest by 1/(1 - rate); at inference it is
/// the identity. The mask is drawn where the generator lives (the CPU) and moved to the input's device, so a network on
/// another device draws the same masks as on the CPU. Its constants are torch scalars made once (see <see cref="TorchScalars"/>).
/// </summary>
internal sealed class DropoutModule : LayerModule<DropoutLayer>
{
    private readonly Generator _generator;
    private readonly TorchScalars _scalars = new();
    private readonly Scalar _keepFrom;
    private readonly Scalar _keptScale;

    public DropoutModule(DropoutLayer layer, LayerBuild build)
        : base(layer, build)
    {
        _generator = build.Generator;
        _keepFrom = _scalars.Of(layer.Rate);
        _keptScale = _scalars.Of(1 - layer.Rate);
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || Layer.Rate == 0)
        {
            return input.alias();
        }

        var keep = torch.rand(input.shape, generator: _generator).ge(_keepFrom);
        return input * (keep.device == input.device ? keep : keep.to(input.device)) / _keptScale;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _scalars.Dispose();
        }

        base.Dispose(disposing);
    }
}
