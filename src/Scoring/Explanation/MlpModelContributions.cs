using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;
using MlNetMlp;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Scoring.Explanation;
using MlNetMlp.Scoring.Model;
using MlNetMlp.Scoring.Tasks;

[assembly: LoadableClass(typeof(MlpModel), null, typeof(SignatureLoadModel), "MlNetMlp MLP network", MlpModel.NetworkLoaderSignature)]

namespace MlNetMlp;

/// <summary>
/// The network as ML.NET's explainability tools see a predictor: <c>mlContext.Transforms.CalculateFeatureContribution</c>
/// takes a binary or regression MLP like ML.NET's own binary and regression models, with contributions by occlusion
/// (<see cref="OcclusionContributions"/>), and the transformer it builds saves the network inside the model file.
/// ML.NET defines contributions to one score, so multiclass and multilabel networks are refused, as ML.NET refuses its
/// own multiclass models.
/// </summary>
public sealed partial class MlpModel : ICalculateFeatureContribution, IFeatureContributionMapper, ICanSaveModel
{
    internal const string NetworkLoaderSignature = "MlNetMlpMlpNetwork";

    private static readonly ComponentFormat NetworkFormat = new(
        "MLP network", "MLNETNET", NetworkLoaderSignature, version: 3, oldestReadableVersion: 1, typeof(MlpModel));

    /// <summary>Feature contributions to the score, by occlusion: binary (the logit) and scalar regression networks only.</summary>
    public FeatureContributionCalculator FeatureContributionCalculator => new(this);

    PredictionKind IPredictor.PredictionKind => Task switch
    {
        MlpTask.BinaryClassification => PredictionKind.BinaryClassification,
        MlpTask.MulticlassClassification => PredictionKind.MulticlassClassification,
        MlpTask.Regression when OutputSize == 1 => PredictionKind.Regression,
        MlpTask.Regression => PredictionKind.MultiOutputRegression,
        _ => PredictionKind.Custom,
    };

    ValueMapper<TSrc, VBuffer<float>> IFeatureContributionMapper.GetFeatureContributionMapper<TSrc, TDst>(int top, int bottom, bool normalize)
    {
        if (typeof(TSrc) != typeof(VBuffer<float>))
        {
            throw new ArgumentException($"Expected features as a vector of Single for feature contributions. Received: {typeof(TSrc).Name}");
        }

        var isBinary = Task == MlpTask.BinaryClassification;
        if (!(isBinary || (Task == MlpTask.Regression && OutputSize == 1)))
        {
            throw new NotSupportedException(
                $"Feature contributions explain one score, as ML.NET defines them for binary classification and regression; this MLP is a {Task} network of {OutputSize} outputs. " +
                "Use permutation feature importance (mlContext.MulticlassClassification.PermutationFeatureImportance) for a global view instead.");
        }

        var contributions = new OcclusionContributions(this, scoreIsRaw: isBinary);
        ValueMapper<VBuffer<float>, VBuffer<float>> map = (in VBuffer<float> features, ref VBuffer<float> result) =>
            contributions.Compute(features, ref result, top, bottom, normalize);
        return (ValueMapper<TSrc, VBuffer<float>>)(Delegate)map;
    }

    /// <summary>Saves the network alone, as the feature-contribution transformer keeps its predictor.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        ComponentWriter.Save(ctx, NetworkFormat, writer => MlpModelFormat.Write(writer, this, LabelLayout.ForNetwork(this)));

    private static MlpModel Create(IHostEnvironment env, ModelLoadContext ctx) =>
        ComponentReader.Load(ctx, NetworkFormat, reader => (reader.Version >= 2 ? MlpModelFormat.Read(reader, withTrainingSettings: reader.Version >= 3) : LegacyModelFormat.Read(reader, withValidationPenalty: true)).Model);
}
