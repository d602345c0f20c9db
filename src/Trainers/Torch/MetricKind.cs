using MlNetMlp.Trainers;
using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Torch;

/// <summary>The per-epoch metric Keras would report for the task.</summary>
internal enum MetricKind
{
    /// <summary>Share of rows whose largest output is the target's largest entry (multiclass).</summary>
    Accuracy,

    /// <summary>Share of outputs on the right side of 0.5 (binary and multilabel).</summary>
    BinaryAccuracy,

    /// <summary>Mean absolute error (regression).</summary>
    MeanAbsoluteError,
}

/// <summary>Computes a <see cref="MetricKind"/> over a batch.</summary>
internal static class Metrics
{
    public static MetricKind For(MlpTask task) => task switch
    {
        MlpTask.MulticlassClassification => MetricKind.Accuracy,
        MlpTask.BinaryClassification or MlpTask.MultilabelClassification => MetricKind.BinaryAccuracy,
        _ => MetricKind.MeanAbsoluteError,
    };

    public static string Name(MetricKind kind) => kind switch
    {
        MetricKind.Accuracy or MetricKind.BinaryAccuracy => "accuracy",
        _ => "mae",
    };

    /// <summary>Whether a larger value is better.</summary>
    public static bool HigherIsBetter(MetricKind kind) => kind != MetricKind.MeanAbsoluteError;

    /// <summary>The metric summed over the rows of the batch (so batches can be combined by row count).</summary>
    public static double SumOverRows(MetricKind kind, MlpActivation outputActivation, Tensor raw, Tensor target)
    {
        using var scope = torch.NewDisposeScope();
        var perRow = kind switch
        {
            MetricKind.Accuracy => raw.argmax(1).eq(target.argmax(1)).to(ScalarType.Float32),
            MetricKind.BinaryAccuracy => Activations.Apply(outputActivation, raw).gt(0.5).eq(target.gt(0.5)).to(ScalarType.Float32).mean([1]),
            _ => (Activations.Apply(outputActivation, raw) - target).abs().mean([1]),
        };
        return perRow.sum().to(ScalarType.Float64).item<double>();
    }
}
