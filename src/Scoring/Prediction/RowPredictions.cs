namespace MlNetMlp.Prediction;

/// <summary>The network's outputs for one row: before and after the output activation.</summary>
internal readonly ref struct RowOutputs(ReadOnlySpan<float> raw, ReadOnlySpan<float> activated)
{
    /// <summary>The output layer's values (logits for classification).</summary>
    public ReadOnlySpan<float> Raw { get; } = raw;

    /// <summary>The output activation applied (probabilities for classification).</summary>
    public ReadOnlySpan<float> Activated { get; } = activated;
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
