using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Onnx;
using MlNetMlp.Scoring.Tasks;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>What the uncertainty columns of a transformer hold.</summary>
internal enum UncertaintyColumns
{
    /// <summary>No uncertainty columns.</summary>
    None,

    /// <summary>The mean and standard deviation of stochastic passes, beside the deterministic columns (Monte Carlo dropout).</summary>
    MeanAndSpread,

    /// <summary>The standard deviation across members; the usual columns already hold the mean (an ensemble).</summary>
    Spread,
}

/// <summary>
/// What a prediction transformer scores and which columns come out: the label layout of the task, the input width,
/// the task's columns plus the uncertainty columns, and the scorer one thread uses. The single-network transformer,
/// Monte Carlo dropout and the ensemble differ only in their plan; binding to a schema, blocks, rows and getters are shared.
/// </summary>
internal sealed class ScoringPlan
{
    /// <summary>Appended to the name of the column whose mean an uncertain transformer adds, e.g. ScoreMean.</summary>
    public const string MeanSuffix = "Mean";

    /// <summary>Appended to the name of the column whose standard deviation an uncertain transformer adds, e.g. ScoreStdDev.</summary>
    public const string SpreadSuffix = "StdDev";

    private readonly Func<RowScorer> _createScorer;
    private readonly PredictionColumn? _mean;
    private readonly PredictionColumn? _spread;

    private readonly OnnxScoring _onnx;

    public ScoringPlan(LabelLayout layout, int inputSize, UncertaintyColumns uncertainty, Func<RowScorer> createScorer, OnnxScoring onnx)
    {
        Layout = layout;
        InputSize = inputSize;
        _createScorer = createScorer;
        _onnx = onnx;
        (Columns, _mean, _spread) = Describe(layout.Task, layout.Kind, uncertainty);
    }

    public LabelLayout Layout { get; }

    public int InputSize { get; }

    public int OutputSize => Layout.OutputUnits;

    /// <summary>The columns the transformer adds, in order.</summary>
    public IReadOnlyList<PredictionColumn> Columns { get; }

    public bool HasUncertainty => _spread is not null;

    /// <summary>The columns a transformer of <paramref name="task"/> adds for a label of <paramref name="kind"/>, as <c>GetOutputSchema</c> promises them.</summary>
    public static IReadOnlyList<PredictionColumn> ColumnsFor(TaskDefinition task, LabelKind kind, UncertaintyColumns uncertainty) =>
        Describe(task, kind, uncertainty).Columns;

    /// <summary>A scorer with its own scratch, for one thread.</summary>
    public RowScorer CreateScorer() => _createScorer();

    /// <summary>A <c>ValueGetter</c> for one of <see cref="Columns"/>.</summary>
    public Delegate CreateGetter(PredictionColumn column, RowPredictions predictions) =>
        column == _mean ? Getter(column, predictions, mean: true)
        : column == _spread ? Getter(column, predictions, mean: false)
        : Layout.Task.CreateGetter(column, predictions);

    /// <summary>Why the plan cannot be written as ONNX, or null.</summary>
    public string? OnnxBlocker => _onnx.Blocker;

    /// <summary>
    /// Writes the plan's outputs from <paramref name="features"/>, then each of <see cref="Columns"/> into the variable
    /// <paramref name="declare"/> gives it: the task's columns as the task defines them, the spread as computed.
    /// </summary>
    public void SaveAsOnnx(OnnxGraph graph, string features, Func<int, string> declare)
    {
        var outputs = _onnx.Write!(graph, features);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == _spread)
            {
                graph.Identity(outputs.Spread!, declare(i));
            }
            else
            {
                Layout.Task.SaveAsOnnx(graph, Columns[i], outputs, declare(i));
            }
        }
    }

    private static (IReadOnlyList<PredictionColumn> Columns, PredictionColumn? Mean, PredictionColumn? Spread) Describe(TaskDefinition task, LabelKind kind, UncertaintyColumns uncertainty)
    {
        var columns = task.Columns(kind).ToList();
        if (uncertainty == UncertaintyColumns.None)
        {
            return (columns, null, null);
        }

        // The uncertain quantity is the probability of a binary classifier and the score of every other task.
        var measured = columns.Find(c => c.Name == MlpTransformer.ProbabilityColumnName) ?? columns.Single(c => c.Name == MlpTransformer.ScoreColumnName);
        var spread = measured with { Name = measured.Name + SpreadSuffix };
        var mean = uncertainty == UncertaintyColumns.MeanAndSpread ? measured with { Name = measured.Name + MeanSuffix } : null;
        columns.AddRange(mean is null ? [spread] : [mean, spread]);
        return (columns, mean, spread);
    }

    private static Delegate Getter(PredictionColumn column, RowPredictions predictions, bool mean) => column.Shape == PredictionShape.Vector
        ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
        {
            var outputs = predictions.Current;
            var source = mean ? outputs.Mean : outputs.Spread;
            var editor = VBufferEditor.Create(ref value, source.Length);
            source.CopyTo(editor.Values);
            value = editor.Commit();
        })
        : (ValueGetter<float>)((ref float value) =>
        {
            var outputs = predictions.Current;
            value = mean ? outputs.Mean[0] : outputs.Spread[0];
        });
}
