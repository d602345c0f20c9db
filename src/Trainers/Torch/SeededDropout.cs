using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// Dropout that draws its mask from the network's own generator, so a seed fixes training completely
/// (torch's dropout uses the process-wide generator, which other work in the process also draws from).
/// In training, zeroes each input with probability <c>rate</c> and scales the rest by 1/(1 - rate); at inference it is the identity.
/// The mask is drawn where the generator lives (the CPU) and moved to the input's device, so a network on another device
/// draws the same masks as on the CPU. Its constants are torch scalars made once (see <see cref="TorchScalars"/>).
/// </summary>
internal sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly float _rate;
    private readonly Generator _generator;
    private readonly TorchScalars _scalars = new();
    private readonly Scalar _keepFrom;
    private readonly Scalar _keptScale;

    public SeededDropout(float rate, Generator generator)
        : base(nameof(SeededDropout))
    {
        _rate = rate;
        _generator = generator;
        _keepFrom = _scalars.Of(rate);
        _keptScale = _scalars.Of(1 - rate);
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || _rate == 0)
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
