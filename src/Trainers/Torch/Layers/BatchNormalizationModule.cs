using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// <see cref="BatchNormalizationLayer"/> in torch, with torch's <c>batch_norm</c>: in training the batch's mean and
/// variance normalize and the moving statistics move by 1 - Keras's momentum (torch's convention; torch updates the
/// moving variance with the unbiased batch variance, Keras with the biased one, a difference of n/(n - 1)); in eval mode
/// and whenever the layer is frozen, the moving statistics normalize and stay as they are (Keras ≥ 2.1.3). A training
/// batch of one row, which has no variance, is normalized with the moving statistics too.
/// </summary>
internal sealed class BatchNormalizationModule : LayerModule<BatchNormalizationLayer>
{
    private readonly NormalizationParameters _affine;
    private readonly Tensor _movingMean;
    private readonly Tensor _movingVariance;
    private readonly double _torchMomentum;

    public BatchNormalizationModule(BatchNormalizationLayer layer, LayerBuild build)
        : base(layer, build)
    {
        _affine = new NormalizationParameters(this, build.Inputs, layer.Scale, layer.Center);
        _movingMean = torch.zeros(build.Inputs);
        _movingVariance = torch.ones(build.Inputs);
        register_buffer("moving_mean", _movingMean);
        register_buffer("moving_variance", _movingVariance);
        // Keras's 0.99 as torch's 0.01, exactly: through decimal, the float's shortest decimal form.
        _torchMomentum = 1 - (double)(decimal)layer.Momentum;
        FreezeUnlessTrainable();
    }

    /// <summary>Batch statistics only in training mode, for a trainable layer and a batch of more than one row.</summary>
    public override Tensor forward(Tensor input) => nn.functional.batch_norm(
        input, _movingMean, _movingVariance, _affine.Gamma, _affine.Beta, training: training && Layer.Trainable && input.shape[0] > 1, momentum: _torchMomentum, eps: (double)(decimal)Layer.Epsilon);

    protected override IEnumerable<Tensor> WeightTensors() =>
        [.. _affine.Tensors, _movingMean, _movingVariance];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _affine.Dispose();
            _movingMean.Dispose();
            _movingVariance.Dispose();
        }

        base.Dispose(disposing);
    }
}
