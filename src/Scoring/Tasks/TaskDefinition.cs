using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Onnx;
using MlNetMlp.Scoring.Prediction;

namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// One row of the course's activation/loss table and everything else that follows from the task: which label kinds
/// fit it, the output activation and loss chosen when the options say Auto, the metric training reports, the
/// prediction columns (names, types, class names) with their getters, and the check every training target must pass.
/// <c>GetOutputSchema</c>, <c>Fit</c>, <c>Transform</c> and loading all ask this type; nothing else switches on the task.
/// </summary>
internal abstract class TaskDefinition
{
    /// <summary>One class out of K.</summary>
    public static TaskDefinition Multiclass { get; } = new MulticlassDefinition();

    /// <summary>Yes or no.</summary>
    public static TaskDefinition Binary { get; } = new BinaryDefinition();

    /// <summary>Any subset of K labels.</summary>
    public static TaskDefinition Multilabel { get; } = new MultilabelDefinition();

    /// <summary>One or more real values.</summary>
    public static TaskDefinition Regression { get; } = new RegressionDefinition();

    public abstract MlpTask Task { get; }

    /// <summary>The output activation when the options leave it on Auto.</summary>
    public abstract MlpActivation OutputActivation { get; }

    /// <summary>The loss when the options leave it on Auto.</summary>
    public abstract MlpLoss Loss { get; }

    /// <summary>The metric training reports per epoch.</summary>
    public abstract TrainingMetric Metric { get; }

    /// <summary>The label types the task can learn from, for messages.</summary>
    public abstract string AcceptedLabels { get; }

    /// <summary>The definition of <paramref name="task"/>; Auto has none (it is decided from the label by <see cref="TaskDecision"/>).</summary>
    public static TaskDefinition Of(MlpTask task) => task switch
    {
        MlpTask.MulticlassClassification => Multiclass,
        MlpTask.BinaryClassification => Binary,
        MlpTask.MultilabelClassification => Multilabel,
        MlpTask.Regression => Regression,
        _ => throw new ArgumentOutOfRangeException(nameof(task), $"Expected a defined task other than Auto. Received: task={task}"),
    };

    /// <summary>Whether a label of <paramref name="kind"/> can train this task.</summary>
    public abstract bool Accepts(LabelKind kind);

    /// <summary>The prediction columns for a label of <paramref name="kind"/>, in the order they are added.</summary>
    public abstract IReadOnlyList<PredictionColumn> Columns(LabelKind kind);

    /// <summary>A <c>ValueGetter</c> for <paramref name="column"/> (one of <see cref="Columns"/>) over the current row's outputs.</summary>
    public abstract Delegate CreateGetter(PredictionColumn column, RowPredictions predictions);

    /// <summary>
    /// Writes <paramref name="column"/> (one of <see cref="Columns"/>) into its declared ONNX variable
    /// <paramref name="output"/>, from the network's outputs, with the same values its getter gives.
    /// </summary>
    public abstract void SaveAsOnnx(OnnxGraph graph, PredictionColumn column, NetworkOnnxOutputs network, string output);

    /// <summary>
    /// Checks one training target row (output-width values, a key already turned into a one-hot row): null when it
    /// fits the task, else "expected ..., found ..." for the error that names the column and the row.
    /// </summary>
    public virtual string? CheckTarget(ReadOnlySpan<float> target) => null;

    /// <inheritdoc />
    public override string ToString() => Task.ToString();

    /// <summary>A getter of the activated outputs as a vector (probabilities, or values for vector regression).</summary>
    protected static ValueGetter<VBuffer<float>> ActivatedVector(RowPredictions predictions) => (ref VBuffer<float> value) =>
    {
        var outputs = predictions.Current.Activated;
        var editor = VBufferEditor.Create(ref value, outputs.Length);
        outputs.CopyTo(editor.Values);
        value = editor.Commit();
    };

    /// <summary>A getter of "output above 0.5" per unit, for multilabel predictions.</summary>
    protected static ValueGetter<VBuffer<bool>> AboveHalfVector(RowPredictions predictions) => (ref VBuffer<bool> value) =>
    {
        var outputs = predictions.Current.Activated;
        var editor = VBufferEditor.Create(ref value, outputs.Length);
        for (var k = 0; k < outputs.Length; k++)
        {
            editor.Values[k] = outputs[k] > 0.5f;
        }

        value = editor.Commit();
    };

    /// <summary>Writes "output above 0.5" per unit into <paramref name="output"/>, as <see cref="AboveHalfVector"/> and the binary label compute it.</summary>
    protected static void AboveHalfOnnx(OnnxGraph graph, string activated, string output) =>
        graph.Node("Greater", [activated, graph.Constant(0.5f)], output);

    /// <summary>Formats a target row for messages, e.g. "[0, 1, 1]".</summary>
    protected static string Describe(ReadOnlySpan<float> target) =>
        "[" + string.Join(", ", target.ToArray().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
