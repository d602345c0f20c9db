using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// <see cref="GaussianNoiseLayer"/> in torch: in training adds normal noise of the layer's standard deviation, drawn
/// from the network's generator on the CPU (as dropout's masks are) and moved to the input's device; the identity at
/// inference.
/// </summary>
internal sealed class GaussianNoiseModule : LayerModule<GaussianNoiseLayer>
{
    private readonly Generator _generator;
    private readonly TorchScalars _scalars = new();
    private readonly Scalar _stddev;

    public GaussianNoiseModule(GaussianNoiseLayer layer, LayerBuild build)
        : base(layer, build)
    {
        _generator = build.Generator;
        _stddev = _scalars.Of(layer.Stddev);
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || Layer.Stddev == 0)
        {
            return input.alias();
        }

        var noise = torch.randn(input.shape, generator: _generator) * _stddev;
        return input + (noise.device == input.device ? noise : noise.to(input.device));
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
