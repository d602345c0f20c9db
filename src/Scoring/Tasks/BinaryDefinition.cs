using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Onnx;
using MlNetMlp.Scoring.Prediction;

namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// Binary classification: sigmoid output, binary cross-entropy, accuracy; columns <c>Score</c> (the logit, as ML.NET's
/// binary trainers score), <c>Probability</c> and <c>PredictedLabel</c> (probability above 0.5).
/// </summary>
internal sealed class BinaryDefinition : TaskDefinition
{
    private static readonly PredictionColumn[] PredictionColumns =
    [
        new(MlpTransformer.ScoreColumnName, PredictionShape.Scalar, NumberDataViewType.Single, null),
        new(MlpTransformer.ProbabilityColumnName, PredictionShape.Scalar, NumberDataViewType.Single, null),
        new(MlpTransformer.PredictedLabelColumnName, PredictionShape.Scalar, BooleanDataViewType.Instance, null),
    ];

    public override MlpTask Task => MlpTask.BinaryClassification;

    public override MlpActivation OutputActivation => MlpActivation.Sigmoid;

    public override MlpLoss Loss => MlpLoss.BinaryCrossEntropy;

    public override TrainingMetric Metric => TrainingMetric.BinaryAccuracy;

    public override string AcceptedLabels => "Boolean, or Single/Double holding 0 and 1";

    public override bool Accepts(LabelKind kind) => kind is LabelKind.Boolean or LabelKind.Number;

    public override IReadOnlyList<PredictionColumn> Columns(LabelKind kind) => PredictionColumns;

    public override Delegate CreateGetter(PredictionColumn column, RowPredictions predictions) => column.Name switch
    {
        MlpTransformer.ScoreColumnName => (ValueGetter<float>)((ref float value) => value = predictions.Current.Raw[0]),
        MlpTransformer.ProbabilityColumnName => (ValueGetter<float>)((ref float value) => value = predictions.Current.Activated[0]),
        _ => (ValueGetter<bool>)((ref bool value) => value = predictions.Current.Activated[0] > 0.5f),
    };

    public override void SaveAsOnnx(OnnxGraph graph, PredictionColumn column, NetworkOnnxOutputs network, string output)
    {
        switch (column.Name)
        {
            case MlpTransformer.ScoreColumnName:
                graph.Identity(network.Raw, output);
                break;
            case MlpTransformer.ProbabilityColumnName:
                graph.Identity(network.Activated, output);
                break;
            default:
                AboveHalfOnnx(graph, network.Activated, output);
                break;
        }
    }

    public override string? CheckTarget(ReadOnlySpan<float> target) =>
        target[0] is 0 or 1 ? null : $"expected a binary label of 0 or 1, found {Describe(target)[1..^1]}";
}
