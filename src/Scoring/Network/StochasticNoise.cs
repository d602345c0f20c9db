using Microsoft.ML.Data;

namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The random numbers of Monte Carlo passes, drawn from a counter-based generator (SplitMix64) whose state comes from
/// the seed, the row's id and the pass number, so a row gets the same draws whichever thread, block or cursor scores
/// it, and in another process. Inverted dropout, as in training: each unit is zeroed with probability rate, the rest
/// scaled by 1/(1 - rate); Gaussian noise by the Box-Muller transform of two uniform draws.
/// </summary>
internal sealed class StochasticNoise : IStochasticNoise
{
    private ulong _state;

    /// <summary>Starts the masks of pass <paramref name="pass"/> over row <paramref name="row"/>.</summary>
    public void Reset(int seed, DataViewRowId row, int pass)
    {
        _state = Mix((ulong)(uint)seed ^ Mix(row.Low ^ Mix(row.High ^ Mix((ulong)(uint)pass))));
    }

    public void Drop(Span<float> units, float rate)
    {
        if (rate == 0)
        {
            return;
        }

        var scale = 1 / (1 - rate);
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = NextUniform() < rate ? 0 : units[i] * scale;
        }
    }

    public void AddGaussian(Span<float> units, float stddev)
    {
        for (var i = 0; i < units.Length; i++)
        {
            // Box-Muller: the first uniform is moved off 0 (half a step of its 24-bit grid), so its logarithm is finite.
            var radius = MathF.Sqrt(-2 * MathF.Log(NextUniform() + (0.5f / (1 << 24))));
            units[i] += stddev * radius * MathF.Cos(2 * MathF.PI * NextUniform());
        }
    }

    /// <summary>A uniform draw in [0, 1) from the top 24 bits, exactly representable as a float.</summary>
    private float NextUniform()
    {
        _state += 0x9E3779B97F4A7C15;
        return (Mix(_state) >> 40) * (1f / (1 << 24));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
