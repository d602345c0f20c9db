namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The error function, which .NET's Math lacks, for GELU. Complementary-error-function Chebyshev fit from
/// Numerical Recipes (erfcc), fractional error below 1.2e-7 everywhere: far finer than the float it feeds.
/// </summary>
internal static class Erf
{
    public static double Of(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var complement = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - complement : complement - 1;
    }
}
