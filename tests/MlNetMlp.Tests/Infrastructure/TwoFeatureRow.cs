using Microsoft.ML.Data;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>A row of two Single features and a Boolean label, for small binary problems such as XOR.</summary>
internal sealed class TwoFeatureRow
{
    [VectorType(2)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}
