using Microsoft.ML;

namespace MlNetMlp.Experiments.Comparison;

/// <summary>ML.NET's own trainers that the MLP is compared with, on the prepared Features and Label columns.</summary>
public static class BaselineCandidates
{
    /// <summary>Multiclass baselines: SDCA maximum entropy, L-BFGS maximum entropy, one-versus-all FastTree, LightGBM.</summary>
    public static IReadOnlyList<Candidate> Multiclass { get; } =
    [
        new("SdcaMaximumEntropy", CandidateInput.Prepared, setup => setup.MlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
        new("LbfgsMaximumEntropy", CandidateInput.Prepared, setup => setup.MlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy()),
        new("OneVersusAll(FastTree)", CandidateInput.Prepared, setup => setup.MlContext.MulticlassClassification.Trainers.OneVersusAll(setup.MlContext.BinaryClassification.Trainers.FastTree())),
        new("LightGbm", CandidateInput.Prepared, setup => setup.MlContext.MulticlassClassification.Trainers.LightGbm()),
    ];

    /// <summary>
    /// Binary baselines: SDCA and L-BFGS logistic regression, FastTree and averaged perceptron on the prepared
    /// features, and ML.NET's own text pipeline (FeaturizeText: word 1-2-grams and character 3-grams, normalized) on the
    /// raw text, followed by SDCA and, the strongest text baseline known here, by the averaged perceptron.
    /// </summary>
    /// <param name="textColumnName">The raw text column the text baseline featurizes.</param>
    public static IReadOnlyList<Candidate> Binary(string textColumnName) =>
    [
        new("SdcaLogisticRegression", CandidateInput.Prepared, setup => setup.MlContext.BinaryClassification.Trainers.SdcaLogisticRegression()),
        new("LbfgsLogisticRegression", CandidateInput.Prepared, setup => setup.MlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        new("FastTree", CandidateInput.Prepared, setup => setup.MlContext.BinaryClassification.Trainers.FastTree()),
        new("AveragedPerceptron", CandidateInput.Prepared, setup => setup.MlContext.BinaryClassification.Trainers.AveragedPerceptron()),
        new("FeaturizeText+SdcaLogisticRegression", CandidateInput.Raw, setup =>
            setup.MlContext.Transforms.Text.FeaturizeText("TextFeatures", textColumnName)
                .AppendCacheCheckpoint(setup.MlContext)
                .Append(setup.MlContext.BinaryClassification.Trainers.SdcaLogisticRegression(featureColumnName: "TextFeatures"))),
        new("FeaturizeText+AveragedPerceptron", CandidateInput.Raw, setup =>
            setup.MlContext.Transforms.Text.FeaturizeText("TextFeatures", textColumnName)
                .AppendCacheCheckpoint(setup.MlContext)
                .Append(setup.MlContext.BinaryClassification.Trainers.AveragedPerceptron(featureColumnName: "TextFeatures"))),
    ];
}
