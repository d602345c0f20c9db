using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary><see cref="LayerNormalizationLayer"/> in torch, with torch's <c>layer_norm</c> over each row's features.</summary>
internal sealed class LayerNormalizationModule : LayerModule<LayerNormalizationLayer>
{
    private readonly NormalizationParameters _affine;
    private readonly long[] _shape;

    public LayerNormalizationModule(LayerNormalizationLayer layer, LayerBuild build)
        : base(layer, build)
    {
        _shape = [build.Inputs];
        _affine = new NormalizationParameters(this, build.Inputs, layer.Scale, layer.Center);
        FreezeUnlessTrainable();
    }

    public override Tensor forward(Tensor input) => nn.functional.layer_norm(input, _shape, _affine.Gamma, _affine.Beta, eps: (double)(decimal)Layer.Epsilon);

    protected override IEnumerable<Tensor> WeightTensors() => _affine.Tensors;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _affine.Dispose();
        }

        base.Dispose(disposing);
    }
}
