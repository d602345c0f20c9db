using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Onnx;
using MlNetMlp.Scoring.Prediction;

namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// Multilabel classification: one sigmoid output per label, binary cross-entropy, per-output accuracy; columns
/// <c>Score</c> (the K probabilities) and <c>PredictedLabel</c> (K Booleans, probability above 0.5).
/// </summary>
internal sealed class MultilabelDefinition : TaskDefinition
{
    private static readonly PredictionColumn[] PredictionColumns =
    [
        new(MlpTransformer.ScoreColumnName, PredictionShape.Vector, NumberDataViewType.Single, AnnotationUtils.Kinds.SlotNames),
        new(MlpTransformer.PredictedLabelColumnName, PredictionShape.Vector, BooleanDataViewType.Instance, AnnotationUtils.Kinds.SlotNames),
    ];

    public override MlpTask Task => MlpTask.MultilabelClassification;

    public override MlpActivation OutputActivation => MlpActivation.Sigmoid;

    public override MlpLoss Loss => MlpLoss.BinaryCrossEntropy;

    public override TrainingMetric Metric => TrainingMetric.BinaryAccuracy;

    public override string AcceptedLabels => "a known-size vector of Single holding 0 and 1";

    public override bool Accepts(LabelKind kind) => kind == LabelKind.Vector;

    public override IReadOnlyList<PredictionColumn> Columns(LabelKind kind) => PredictionColumns;

    public override Delegate CreateGetter(PredictionColumn column, RowPredictions predictions) => column.Name == MlpTransformer.ScoreColumnName
        ? ActivatedVector(predictions)
        : AboveHalfVector(predictions);

    public override void SaveAsOnnx(OnnxGraph graph, PredictionColumn column, NetworkOnnxOutputs network, string output)
    {
        if (column.Name == MlpTransformer.ScoreColumnName)
        {
            graph.Identity(network.Activated, output);
        }
        else
        {
            AboveHalfOnnx(graph, network.Activated, output);
        }
    }

    public override string? CheckTarget(ReadOnlySpan<float> target)
    {
        foreach (var value in target)
        {
            if (value is not (0 or 1))
            {
                return $"expected 0 and 1 only for multilabel classification, found {Describe(target)}";
            }
        }

        return null;
    }
}
