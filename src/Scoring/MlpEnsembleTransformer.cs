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

[assembly: LoadableClass(typeof(MlpEnsembleTransformer), null, typeof(SignatureLoadModel), "MlNetMlp MLP ensemble", MlpEnsembleTransformer.LoaderSignature)]

namespace MlNetMlp;

/// <summary>
/// A deep ensemble of MLPs (Lakshminarayanan et al., 2017) applied to data: the members' probabilities (or values, for
/// regression) are averaged into the usual columns, named as a single MLP names them, and their standard deviation
/// across members is added as <c>ScoreStdDev</c> (<c>ProbabilityStdDev</c> for binary classification). Scored in
/// managed code like <see cref="MlpTransformer"/>; saved into and loaded from ML.NET's model <c>.zip</c>; converts with
/// <c>mlContext.Model.ConvertToOnnx</c>, every member and the combination in one graph.
/// </summary>
public sealed class MlpEnsembleTransformer : ColumnMappingTransformer, ISingleFeaturePredictionTransformer<MlpEnsembleModel>,
    // ML.NET's ITransformer overloads of PermutationFeatureImportance find the predictor by this internal interface.
    ISingleFeaturePredictionTransformer
{
    internal const string LoaderSignature = "MlNetMlpMlpEnsemble";

    /// <summary>Version 4 records the members' training settings; version 3 (MlNetMlp 0.3) saves the members' layers, weights and histories by name; version 2 keeps each epoch's validation penalty in the members' histories.</summary>
    private static readonly ComponentFormat SavedFormat = new(
        "MLP ensemble", "MLNETENS", LoaderSignature, version: 4, oldestReadableVersion: 1, typeof(MlpEnsembleTransformer));

    private const uint ValidationPenaltyVersion = 2;
    private const uint NamedLayersVersion = 3;
    private const uint TrainingSettingsVersion = 4;

    private readonly LabelLayout _layout;
    private readonly ScoringPlan _plan;

    internal MlpEnsembleTransformer(IReadOnlyList<MlpModel> members, LabelLayout layout, string featureColumnName, string labelColumnName)
    {
        if (members.Count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(members), $"Expected an ensemble of at least 2 members. Received: {members.Count}");
        }

        Model = new MlpEnsembleModel(members);
        FeatureColumnName = featureColumnName;
        FeatureColumnType = new VectorDataViewType(NumberDataViewType.Single, members[0].InputSize);
        LabelColumnName = labelColumnName;
        _layout = layout;
        _plan = new ScoringPlan(layout, members[0].InputSize, UncertaintyColumns.Spread, () => new EnsembleScorer(members),
            OnnxScoring.By((graph, features) => EnsembleOnnx.Write(graph, members, features)));
    }

    /// <summary>The trained members, each a complete network.</summary>
    public IReadOnlyList<MlpModel> Members => Model.Members;

    /// <summary>The ensemble's networks, as ML.NET's prediction transformers expose their model.</summary>
    public MlpEnsembleModel Model { get; }

    /// <summary>The feature column the networks read.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The feature column's type: a vector of Single of the networks' input size.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>The label column the members were trained on.</summary>
    public string LabelColumnName { get; }

    private protected override ComponentFormat Format => SavedFormat;

    private protected override ColumnMapper CreateMapper(DataViewSchema inputSchema) => new MlpPredictionMapper(_plan, FeatureColumnName, LabelColumnName, inputSchema);

    private protected override void SaveContents(ComponentWriter writer)
    {
        writer.Write(FeatureColumnName);
        writer.Write(LabelColumnName);
        writer.Write(Members.Count);
        for (var member = 0; member < Members.Count; member++)
        {
            MlpModelFormat.Write(writer, Members[member], _layout, MemberStream(member));
        }
    }

    private static string MemberStream(int member) => MlpModelFormat.WeightsStream + (member + 1);

    private static MlpEnsembleTransformer Create(IHostEnvironment env, ModelLoadContext ctx) => ComponentReader.Load(ctx, SavedFormat, reader =>
    {
        var featureColumnName = reader.ReadString();
        var labelColumnName = reader.ReadString();
        var count = reader.ReadInt32();
        reader.Check(count is >= 2 and <= 1000, $"an ensemble of {count} members");
        var members = new List<MlpModel>();
        LabelLayout? layout = null;
        for (var member = 0; member < count; member++)
        {
            var (model, memberLayout) = reader.Version >= NamedLayersVersion
                ? MlpModelFormat.Read(reader, withTrainingSettings: reader.Version >= TrainingSettingsVersion, MemberStream(member))
                : LegacyModelFormat.Read(reader, withValidationPenalty: reader.Version >= ValidationPenaltyVersion, weightsStream: MemberStream(member));
            reader.Check(layout is null || (memberLayout.Task == layout.Task && memberLayout.OutputUnits == layout.OutputUnits && model.InputSize == members[0].InputSize),
                $"member {member + 1} is a {memberLayout.Task} network of {model.InputSize} inputs and {memberLayout.OutputUnits} outputs, unlike member 1");
            layout ??= memberLayout;
            members.Add(model);
        }

        return new MlpEnsembleTransformer(members, layout!, featureColumnName, labelColumnName);
    });
}
