namespace MlNetMlp.Scoring.Prediction;

/// <summary>The outputs of up to <see cref="Rows"/> rows, row-major, each row's outputs contiguous; reused block after block.</summary>
internal sealed class PredictionBuffer(int rows, int outputs, bool hasUncertainty)
{
    private readonly float[] _raw = new float[rows * outputs];
    private readonly float[] _activated = new float[rows * outputs];
    private readonly float[] _mean = hasUncertainty ? new float[rows * outputs] : [];
    private readonly float[] _spread = hasUncertainty ? new float[rows * outputs] : [];

    public int Rows => rows;

    public Span<float> Raw(int row) => _raw.AsSpan(row * outputs, outputs);

    public Span<float> Activated(int row) => _activated.AsSpan(row * outputs, outputs);

    public Span<float> Mean(int row) => hasUncertainty ? _mean.AsSpan(row * outputs, outputs) : default;

    public Span<float> Spread(int row) => hasUncertainty ? _spread.AsSpan(row * outputs, outputs) : default;

    public RowOutputs Outputs(int row) => new(Raw(row), Activated(row), Mean(row), Spread(row));
}
