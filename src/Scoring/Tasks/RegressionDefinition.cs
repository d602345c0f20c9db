using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Onnx;
using MlNetMlp.Scoring.Prediction;

namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// Regression: linear output, mean squared error, mean absolute error; column <c>Score</c>, a Single for a scalar
/// label or a vector of Single (named like the label's slots) for several targets.
/// </summary>
internal sealed class RegressionDefinition : TaskDefinition
{
    private static readonly PredictionColumn[] ScalarColumns =
        [new(MlpTransformer.ScoreColumnName, PredictionShape.Scalar, NumberDataViewType.Single, null)];

    private static readonly PredictionColumn[] VectorColumns =
        [new(MlpTransformer.ScoreColumnName, PredictionShape.Vector, NumberDataViewType.Single, AnnotationUtils.Kinds.SlotNames)];

    public override MlpTask Task => MlpTask.Regression;

    public override MlpActivation OutputActivation => MlpActivation.Linear;

    public override MlpLoss Loss => MlpLoss.MeanSquaredError;

    public override TrainingMetric Metric => TrainingMetric.MeanAbsoluteError;

    public override string AcceptedLabels => "Single, Double or a known-size vector of Single";

    public override bool Accepts(LabelKind kind) => kind is LabelKind.Number or LabelKind.Vector;

    public override IReadOnlyList<PredictionColumn> Columns(LabelKind kind) => kind == LabelKind.Vector ? VectorColumns : ScalarColumns;

    public override Delegate CreateGetter(PredictionColumn column, RowPredictions predictions) => column.Shape == PredictionShape.Vector
        ? ActivatedVector(predictions)
        : (ValueGetter<float>)((ref float value) => value = predictions.Current.Activated[0]);

    public override void SaveAsOnnx(OnnxGraph graph, PredictionColumn column, NetworkOnnxOutputs network, string output) =>
        graph.Identity(network.Activated, output);
}
