using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Onnx;
using MlNetMlp.Scoring.Prediction;

namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// Multiclass classification: softmax output, categorical cross-entropy, accuracy; columns <c>Score</c> (the K class
/// probabilities) and <c>PredictedLabel</c> (a key over the K classes, named like the label's classes).
/// </summary>
internal sealed class MulticlassDefinition : TaskDefinition
{
    private const float SumTolerance = 1e-4f;

    private static readonly PredictionColumn[] PredictionColumns =
    [
        new(MlpTransformer.ScoreColumnName, PredictionShape.Vector, NumberDataViewType.Single, AnnotationUtils.Kinds.SlotNames),
        new(MlpTransformer.PredictedLabelColumnName, PredictionShape.Key, NumberDataViewType.UInt32, AnnotationUtils.Kinds.KeyValues),
    ];

    public override MlpTask Task => MlpTask.MulticlassClassification;

    public override MlpActivation OutputActivation => MlpActivation.Softmax;

    public override MlpLoss Loss => MlpLoss.CategoricalCrossEntropy;

    public override TrainingMetric Metric => TrainingMetric.Accuracy;

    public override string AcceptedLabels => "Key<UInt32>, or a one-hot vector of Single";

    public override bool Accepts(LabelKind kind) => kind is LabelKind.Key or LabelKind.Vector;

    public override IReadOnlyList<PredictionColumn> Columns(LabelKind kind) => PredictionColumns;

    public override Delegate CreateGetter(PredictionColumn column, RowPredictions predictions) => column.Name == MlpTransformer.ScoreColumnName
        ? ActivatedVector(predictions)
        : (ValueGetter<uint>)((ref uint value) => value = KeyIndex.FromClassIndex(System.Numerics.Tensors.TensorPrimitives.IndexOfMax(predictions.Current.Activated)));

    /// <summary>Score is the probabilities; PredictedLabel the key of the first largest one, as ArgMax picks it.</summary>
    public override void SaveAsOnnx(OnnxGraph graph, PredictionColumn column, NetworkOnnxOutputs network, string output)
    {
        if (column.Name == MlpTransformer.ScoreColumnName)
        {
            graph.Identity(network.Activated, output);
            return;
        }

        var classIndex = graph.Apply("ArgMax", [network.Activated], node =>
        {
            node.AddAttribute("axis", 1L);
            node.AddAttribute("keepdims", 1L);
        });
        var key = graph.Apply("Add", classIndex, graph.Constant((long)KeyIndex.FromClassIndex(0)));
        graph.Node("Cast", [key], output).AddAttribute("to", typeof(uint));
    }

    public override string? CheckTarget(ReadOnlySpan<float> target)
    {
        var sum = 0f;
        var nonNegative = true;
        foreach (var value in target)
        {
            nonNegative &= value >= 0;
            sum += value;
        }

        return nonNegative && Math.Abs(sum - 1) <= SumTolerance ? null :
            $"expected a one-hot (or non-negative, summing to 1) row for multiclass classification, found {Describe(target)}. " +
            "A vector of Single as label means multiclass unless MlpOptions.Task says otherwise: set it to MultilabelClassification " +
            "for multi-hot labels or Regression for vector targets. An all-zero row is what OneHotLabels(allZerosForUnseen: true) " +
            "writes for a label it did not see when it was fitted; filter such rows out before training";
    }
}
