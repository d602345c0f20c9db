namespace MlNetMlp.Experiments.Regularization;

/// <summary>Reads a validation-loss curve (epoch 1 first).</summary>
internal static class ValidationCurve
{
    /// <summary>The epoch (from 1) of the lowest loss, the first of equals: where the network starts to overfit.</summary>
    public static int BestEpoch(IReadOnlyList<double> losses)
    {
        var best = 0;
        for (var i = 1; i < losses.Count; i++)
        {
            if (losses[i] < losses[best])
            {
                best = i;
            }
        }

        return best + 1;
    }
}
