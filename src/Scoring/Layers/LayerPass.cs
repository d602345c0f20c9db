using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// A layer's managed inference over one row: reads the <see cref="LayerRow"/> (sparse while only zero-preserving
/// layers have run, dense after) and leaves its output there. With noise given (a Monte Carlo
/// pass) a stochastic layer draws its randomness from it; without, every layer is its inference form.
/// </summary>
internal abstract class LayerPass
{
    public abstract void Run(ref LayerRow row, IStochasticNoise? noise);
}
