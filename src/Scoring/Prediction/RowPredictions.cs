namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// What scoring one row gives: the output layer before (<see cref="Raw"/>) and after (<see cref="Activated"/>) the
/// output activation, and, when the transformer estimates its uncertainty (Monte Carlo dropout, an ensemble), the
/// <see cref="Mean"/> and standard deviation (<see cref="Spread"/>) of the activated outputs over the samples or members.
/// </summary>
internal readonly ref struct RowOutputs(ReadOnlySpan<float> raw, ReadOnlySpan<float> activated, ReadOnlySpan<float> mean, ReadOnlySpan<float> spread)
{
    /// <summary>The output layer's values (logits for classification).</summary>
    public ReadOnlySpan<float> Raw { get; } = raw;

    /// <summary>The output activation applied (probabilities for classification).</summary>
    public ReadOnlySpan<float> Activated { get; } = activated;

    /// <summary>The mean of the activated outputs over the stochastic passes or members; empty without uncertainty.</summary>
    public ReadOnlySpan<float> Mean { get; } = mean;

    /// <summary>Their standard deviation; empty without uncertainty.</summary>
    public ReadOnlySpan<float> Spread { get; } = spread;
}

/// <summary>
/// The predictions behind the prediction columns of one cursor or row: <see cref="Current"/> gives the outputs of the
/// row the cursor is on, computing them once however many columns ask.
/// </summary>
internal abstract class RowPredictions
{
    /// <summary>The outputs of the current row.</summary>
    public abstract RowOutputs Current { get; }
}
