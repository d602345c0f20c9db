using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary><see cref="LayerNormalizationLayer"/> in torch, with torch's <c>layer_norm</c> over each row's features.</summary>
internal sealed class LayerNormalizationModule : LayerModule<LayerNormalizationLayer>
{
    private readonly Parameter? _gamma;
    private readonly Parameter? _beta;
    private readonly long[] _shape;

    public LayerNormalizationModule(LayerNormalizationLayer layer, LayerBuild build)
        : base(layer, build)
    {
        _shape = [build.Inputs];
        if (layer.Scale)
        {
            _gamma = new Parameter(torch.ones(build.Inputs));
            register_parameter("gamma", _gamma);
        }

        if (layer.Center)
        {
            _beta = new Parameter(torch.zeros(build.Inputs));
            register_parameter("beta", _beta);
        }

        FreezeUnlessTrainable();
    }

    public override Tensor forward(Tensor input) => nn.functional.layer_norm(input, _shape, _gamma, _beta, eps: (double)(decimal)Layer.Epsilon);

    protected override IEnumerable<Tensor> WeightTensors() => [.. _gamma is null ? [] : new Tensor[] { _gamma }, .. _beta is null ? [] : new Tensor[] { _beta }];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gamma?.Dispose();
            _beta?.Dispose();
        }

        base.Dispose(disposing);
    }
}
