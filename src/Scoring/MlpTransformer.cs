using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MlNetMlp;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Scoring.Model;
using MlNetMlp.Scoring.Onnx;
using MlNetMlp.Scoring.Prediction;
using MlNetMlp.Scoring.Tasks;

[assembly: LoadableClass(typeof(MlpTransformer), null, typeof(SignatureLoadModel), "MlNetMlp MLP", MlpTransformer.LoaderSignature)]

namespace MlNetMlp;

/// <summary>
/// A trained MLP applied to data: appends the prediction columns of its task, named as ML.NET's own trainers name
/// them, so <c>Evaluate</c>, <c>CrossValidate</c>, permutation feature importance and <c>PredictionEngine</c> work
/// unchanged. Scoring is managed code (no libtorch): blocks of rows where the cursor allows, one row at a time in a
/// <c>PredictionEngine</c>. Saves into and loads from ML.NET's model <c>.zip</c> with no need for the training options,
/// and converts with <c>mlContext.Model.ConvertToOnnx</c> into a graph that ONNX Runtime scores the same (not with Monte
/// Carlo dropout, whose random masks ONNX cannot reproduce).
/// </summary>
public sealed class MlpTransformer : ColumnMappingTransformer, ISingleFeaturePredictionTransformer<MlpModel>,
    // ML.NET's ITransformer overloads of PermutationFeatureImportance find the predictor by this internal interface.
    ISingleFeaturePredictionTransformer
{
    /// <summary>The score column: class probabilities, a logit (binary) or the predicted value(s).</summary>
    public const string ScoreColumnName = "Score";

    /// <summary>The binary probability column.</summary>
    public const string ProbabilityColumnName = "Probability";

    /// <summary>The predicted label column.</summary>
    public const string PredictedLabelColumnName = "PredictedLabel";

    /// <summary>Ends the name of the Monte Carlo mean column: <c>ScoreMean</c>, or <c>ProbabilityMean</c> for binary classification.</summary>
    public const string MeanSuffix = ScoringPlan.MeanSuffix;

    /// <summary>Ends the name of the standard deviation column: <c>ScoreStdDev</c>, or <c>ProbabilityStdDev</c> for binary classification.</summary>
    public const string StandardDeviationSuffix = ScoringPlan.SpreadSuffix;

    /// <summary>The loader signature of models saved by this package (before it, MlNetMlp.Trainers saved "MlNetMlpMlpTransformer").</summary>
    internal const string LoaderSignature = "MlNetMlpMlpPredictor";

    /// <summary>
    /// Version 6 records the training settings by name; version 5 (MlNetMlp 0.3) saves layers, weights and history by name (<see cref="MlpModelFormat"/>); version 4 keeps each epoch's validation penalty in the history; version 3 adds the Monte Carlo dropout settings; version 2 stores kernels as inputs × units (the forward pass's
    /// layout); version 1, written by MlNetMlp.Trainers 0.1 under loader signature "MlNetMlpMlpTransformer", stored
    /// them as torch's units × inputs.
    /// </summary>
    internal static readonly ComponentFormat SavedFormat = new(
        "MLP transformer", "MLNETMLP", LoaderSignature, version: 6, oldestReadableVersion: 1, typeof(MlpTransformer));

    private const uint TorchLayoutVersion = 1;
    private const uint MonteCarloVersion = 3;
    private const uint ValidationPenaltyVersion = 4;
    private const uint NamedLayersVersion = 5;
    private const uint TrainingSettingsVersion = 6;

    private readonly ScoringPlan _plan;

    internal MlpTransformer(MlpModel model, LabelLayout layout, string featureColumnName, string labelColumnName, MlpMonteCarloDropout? monteCarloDropout = null)
    {
        Model = model;
        Layout = layout;
        FeatureColumnName = featureColumnName;
        LabelColumnName = labelColumnName;
        MonteCarloDropout = monteCarloDropout;
        FeatureColumnType = new VectorDataViewType(NumberDataViewType.Single, model.InputSize);
        _plan = monteCarloDropout is null
            ? new ScoringPlan(layout, model.InputSize, UncertaintyColumns.None, () => new NetworkScorer(model), OnnxScoring.By((graph, features) => NetworkOnnx.Write(graph, model, features)))
            : new ScoringPlan(layout, model.InputSize, UncertaintyColumns.MeanAndSpread, () => new MonteCarloScorer(model, monteCarloDropout), OnnxScoring.Refused(MonteCarloOnnxBlocker));
    }

    /// <summary>The trained network.</summary>
    public MlpModel Model { get; }

    /// <summary>The feature column the network reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The feature column's type: a vector of Single of the network's input size.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>The label column the network was trained on; when data holding it is transformed, its key count must match.</summary>
    public string LabelColumnName { get; }

    /// <summary>Monte Carlo dropout at prediction time, or null for the deterministic columns only.</summary>
    public MlpMonteCarloDropout? MonteCarloDropout { get; }

    internal LabelLayout Layout { get; }

    /// <summary>
    /// This transformer with Monte Carlo dropout (Gal and Ghahramani, 2016): the usual columns stay the deterministic
    /// pass, and <paramref name="samples"/> passes with dropout left on add the predictive mean and its standard
    /// deviation (per class for multiclass) as <c>ScoreMean</c> and <c>ScoreStdDev</c> (<c>ProbabilityMean</c> and
    /// <c>ProbabilityStdDev</c> for binary classification). Saved and loaded with the model.
    /// </summary>
    /// <param name="samples">Stochastic passes per row, at least 1 (30 to 100 is usual); each costs one forward pass.</param>
    /// <param name="seed">Seed of the dropout masks; with each row's id it fixes the columns.</param>
    /// <returns>A new transformer sharing this one's model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one sample, or a network without dropout layers.</exception>
    public MlpTransformer WithMonteCarloDropout(int samples, int seed = 0)
    {
        CheckMonteCarloDropout(Model.HiddenLayers, samples, nameof(samples));
        return new MlpTransformer(Model, Layout, FeatureColumnName, LabelColumnName, new MlpMonteCarloDropout(samples, seed));
    }

    /// <summary>Refuses Monte Carlo dropout that cannot run: fewer than one sample, or no dropout layer to sample.</summary>
    internal static void CheckMonteCarloDropout(IReadOnlyList<MlpLayer> hiddenLayers, int samples, string option)
    {
        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(option, $"Expected at least 1 Monte Carlo sample. Received: {option}={samples}");
        }

        if (!hiddenLayers.Any(layer => layer.IsStochastic))
        {
            throw new ArgumentOutOfRangeException(option,
                $"Expected a network with a Dropout (or GaussianNoise) layer for Monte Carlo dropout: its passes differ only by those layers' random draws. Received: {option}={samples} for hidden layers " +
                $"{string.Join(", ", hiddenLayers)}. Add MlpLayer.Dropout(rate) after hidden layers, or use an ensemble (MlpEnsemble) for uncertainty.");
        }
    }

    /// <summary>
    /// Why a transformer with Monte Carlo dropout does not export to ONNX: its masks are drawn by .NET's seeded generator
    /// from each row's id, which no ONNX random operator reproduces, so the exported mean and spread would differ.
    /// </summary>
    internal const string MonteCarloOnnxBlocker =
        "its Monte Carlo dropout columns are drawn with .NET's seeded random numbers from each row's id, which no ONNX operator reproduces " +
        "(RandomUniform has its own generator, and ONNX Runtime sees no row ids). Export the transformer without Monte Carlo dropout " +
        "(the one WithMonteCarloDropout was called on, or the trainer's output without MonteCarloSamples): its deterministic columns are the same.";

    private protected override ComponentFormat Format => SavedFormat;

    /// <summary>Reads a saved transformer of any readable version; also used for models saved by MlNetMlp 0.1.</summary>
    internal static MlpTransformer Load(ModelLoadContext ctx) => ComponentReader.Load(ctx, SavedFormat, reader =>
    {
        var featureColumnName = reader.ReadString();
        var labelColumnName = reader.ReadString();
        var (model, layout) = reader.Version >= NamedLayersVersion
            ? MlpModelFormat.Read(reader, withTrainingSettings: reader.Version >= TrainingSettingsVersion)
            : LegacyModelFormat.Read(reader, withValidationPenalty: reader.Version >= ValidationPenaltyVersion, torchLayout: reader.Version == TorchLayoutVersion);
        MlpMonteCarloDropout? monteCarloDropout = null;
        if (reader.Version >= MonteCarloVersion && reader.ReadBoolean())
        {
            var (samples, seed) = (reader.ReadInt32(), reader.ReadInt32());
            reader.Check(samples >= 1 && model.Architecture.IsStochastic, $"{samples} Monte Carlo samples for a network with hidden layers {string.Join(", ", model.HiddenLayers)}");
            monteCarloDropout = new MlpMonteCarloDropout(samples, seed);
        }

        return new MlpTransformer(model, layout, featureColumnName, labelColumnName, monteCarloDropout);
    });

    private protected override ColumnMapper CreateMapper(DataViewSchema inputSchema) => new MlpPredictionMapper(_plan, FeatureColumnName, LabelColumnName, inputSchema);

    private protected override void SaveContents(ComponentWriter writer)
    {
        writer.Write(FeatureColumnName);
        writer.Write(LabelColumnName);
        MlpModelFormat.Write(writer, Model, Layout);
        writer.Write(MonteCarloDropout is not null);
        if (MonteCarloDropout is { } settings)
        {
            writer.Write(settings.Samples);
            writer.Write(settings.Seed);
        }
    }

    private static MlpTransformer Create(IHostEnvironment env, ModelLoadContext ctx) => Load(ctx);
}
