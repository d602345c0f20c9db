using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MlNetMlp;
using MlNetMlp.Data;
using MlNetMlp.Model;
using MlNetMlp.Persistence;
using MlNetMlp.Prediction;
using MlNetMlp.Tasks;

[assembly: LoadableClass(typeof(MlpTransformer), null, typeof(SignatureLoadModel), "MlNetMlp MLP", MlpTransformer.LoaderSignature)]

namespace MlNetMlp;

/// <summary>
/// A trained MLP applied to data: appends the prediction columns of its task, named as ML.NET's own trainers name
/// them, so <c>Evaluate</c>, <c>CrossValidate</c>, permutation feature importance and <c>PredictionEngine</c> work
/// unchanged. Scoring is managed code (no libtorch): blocks of rows where the cursor allows, one row at a time in a
/// <c>PredictionEngine</c>. Saves into and loads from ML.NET's model <c>.zip</c> with no need for the training options.
/// </summary>
public sealed class MlpTransformer : ColumnMappingTransformer, ISingleFeaturePredictionTransformer<MlpModel>
{
    /// <summary>The score column: class probabilities, a logit (binary) or the predicted value(s).</summary>
    public const string ScoreColumnName = "Score";

    /// <summary>The binary probability column.</summary>
    public const string ProbabilityColumnName = "Probability";

    /// <summary>The predicted label column.</summary>
    public const string PredictedLabelColumnName = "PredictedLabel";

    /// <summary>The loader signature of models saved by this package (before it, MlNetMlp.Trainers saved "MlNetMlpMlpTransformer").</summary>
    internal const string LoaderSignature = "MlNetMlpMlpPredictor";

    /// <summary>
    /// Version 2 stores kernels as inputs × units (the forward pass's layout); version 1, written by MlNetMlp.Trainers
    /// 0.1 under loader signature "MlNetMlpMlpTransformer", stored them as torch's units × inputs.
    /// </summary>
    internal static readonly ComponentFormat SavedFormat = new(
        "MLP transformer", "MLNETMLP", LoaderSignature, version: 2, oldestReadableVersion: 1, typeof(MlpTransformer));

    internal MlpTransformer(MlpModel model, LabelLayout layout, string featureColumnName, string labelColumnName)
    {
        Model = model;
        Layout = layout;
        FeatureColumnName = featureColumnName;
        LabelColumnName = labelColumnName;
        FeatureColumnType = new VectorDataViewType(NumberDataViewType.Single, model.InputSize);
    }

    /// <summary>The trained network.</summary>
    public MlpModel Model { get; }

    /// <summary>The feature column the network reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The feature column's type: a vector of Single of the network's input size.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>The label column the network was trained on; when data holding it is transformed, its key count must match.</summary>
    public string LabelColumnName { get; }

    internal LabelLayout Layout { get; }

    private protected override ComponentFormat Format => SavedFormat;

    /// <summary>Reads a saved transformer of any readable version; also used for models saved by MlNetMlp 0.1.</summary>
    internal static MlpTransformer Load(ModelLoadContext ctx) => ComponentReader.Load(ctx, SavedFormat, reader =>
    {
        var featureColumnName = reader.ReadString();
        var labelColumnName = reader.ReadString();
        var (model, layout) = MlpModelFormat.Read(reader);
        return new MlpTransformer(model, layout, featureColumnName, labelColumnName);
    });

    private protected override ColumnMapper CreateMapper(DataViewSchema inputSchema) => new MlpPredictionMapper(this, inputSchema);

    private protected override void SaveContents(ComponentWriter writer)
    {
        writer.Write(FeatureColumnName);
        writer.Write(LabelColumnName);
        MlpModelFormat.Write(writer, Model, Layout);
    }

    private static MlpTransformer Create(IHostEnvironment env, ModelLoadContext ctx) => Load(ctx);
}
