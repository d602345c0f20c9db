using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MlNetMlp.Experiments;

/// <summary>
/// ML.NET's own trainers that the MLP is compared with, on the prepared Features and Label columns. Each is built from its
/// options object with ML.NET's defaults, and the report's settings are read from that same object, so what the report
/// says is what ran.
/// </summary>
public static class BaselineCandidates
{
    private const string TextFeatures = "TextFeatures";

    /// <summary>Multiclass baselines: SDCA maximum entropy, L-BFGS maximum entropy, one-versus-all FastTree, LightGBM.</summary>
    public static IReadOnlyList<Candidate> Multiclass { get; } =
    [
        Prepared<SdcaMaximumEntropyMulticlassTrainer.Options>("SdcaMaximumEntropy", Sdca, (ml, o) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(o)),
        Prepared<LbfgsMaximumEntropyMulticlassTrainer.Options>("LbfgsMaximumEntropy", Lbfgs, (ml, o) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(o)),
        Prepared<FastTreeBinaryTrainer.Options>(
            "OneVersusAll(FastTree)", o => $"one binary FastTree per class, {FastTree(o)}",
            (ml, o) => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(o))),
        Prepared<LightGbmMulticlassTrainer.Options>("LightGbm", LightGbm, (ml, o) => ml.MulticlassClassification.Trainers.LightGbm(o)),
    ];

    /// <summary>
    /// Binary baselines: SDCA and L-BFGS logistic regression, FastTree and averaged perceptron on the prepared
    /// features, and ML.NET's own text pipeline (FeaturizeText: word 1-2-grams and character 3-grams, normalized) on the
    /// raw text, followed by SDCA and, the strongest text baseline known here, by the averaged perceptron.
    /// </summary>
    /// <param name="textColumnName">The raw text column the text baseline featurizes.</param>
    public static IReadOnlyList<Candidate> Binary(string textColumnName) =>
    [
        Prepared<SdcaLogisticRegressionBinaryTrainer.Options>("SdcaLogisticRegression", Sdca, (ml, o) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(o)),
        Prepared<LbfgsLogisticRegressionBinaryTrainer.Options>("LbfgsLogisticRegression", Lbfgs, (ml, o) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(o)),
        Prepared<FastTreeBinaryTrainer.Options>("FastTree", FastTree, (ml, o) => ml.BinaryClassification.Trainers.FastTree(o)),
        Prepared<AveragedPerceptronTrainer.Options>("AveragedPerceptron", AveragedPerceptron, (ml, o) => ml.BinaryClassification.Trainers.AveragedPerceptron(o)),
        Text<SdcaLogisticRegressionBinaryTrainer.Options>("FeaturizeText+SdcaLogisticRegression", textColumnName, Sdca,
            (ml, o) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(o)),
        Text<AveragedPerceptronTrainer.Options>("FeaturizeText+AveragedPerceptron", textColumnName, AveragedPerceptron,
            (ml, o) => ml.BinaryClassification.Trainers.AveragedPerceptron(o)),
    ];

    /// <summary>A trainer on the prepared columns, built from fresh default options each run.</summary>
    private static Candidate Prepared<TOptions>(string name, Func<TOptions, string> describe, Func<MLContext, TOptions, IEstimator<ITransformer>> create)
        where TOptions : new() =>
        new(name, CandidateInput.Prepared, setup => create(setup.MlContext, new TOptions()), Settings: $"ML.NET defaults: {describe(new TOptions())}");

    /// <summary>ML.NET's text featurization of the raw text, cached, then a trainer on its features.</summary>
    private static Candidate Text<TOptions>(string name, string textColumnName, Func<TOptions, string> describe, Func<MLContext, TOptions, IEstimator<ITransformer>> create)
        where TOptions : TrainerInputBaseWithLabel, new()
    {
        TOptions Options() => new() { FeatureColumnName = TextFeatures };
        return new(
            name,
            CandidateInput.Raw,
            setup => setup.MlContext.Transforms.Text.FeaturizeText(TextFeatures, textColumnName)
                .AppendCacheCheckpoint(setup.MlContext)
                .Append(create(setup.MlContext, Options())),
            Settings: $"FeaturizeText defaults (word 1-2-grams and character 3-grams, L2-normalized) on the raw text; trainer at ML.NET defaults: {describe(Options())}");
    }

    private static string Sdca(SdcaMaximumEntropyMulticlassTrainer.Options o) =>
        $"L2 {Auto(o.L2Regularization)}, L1 {Auto(o.L1Regularization)}, passes {Auto(o.MaximumNumberOfIterations)}, convergence tolerance {Number(o.ConvergenceTolerance)}";

    private static string Sdca(SdcaLogisticRegressionBinaryTrainer.Options o) =>
        $"L2 {Auto(o.L2Regularization)}, L1 {Auto(o.L1Regularization)}, passes {Auto(o.MaximumNumberOfIterations)}, convergence tolerance {Number(o.ConvergenceTolerance)}";

    private static string Lbfgs(LbfgsLogisticRegressionBinaryTrainer.Options o) =>
        LbfgsText(o.L1Regularization, o.L2Regularization, o.HistorySize, o.OptimizationTolerance, o.MaximumNumberOfIterations);

    private static string Lbfgs(LbfgsMaximumEntropyMulticlassTrainer.Options o) =>
        LbfgsText(o.L1Regularization, o.L2Regularization, o.HistorySize, o.OptimizationTolerance, o.MaximumNumberOfIterations);

    private static string LbfgsText(float l1, float l2, int historySize, float tolerance, int maximumIterations) =>
        $"L1 {Number(l1)}, L2 {Number(l2)}, history {historySize}, tolerance {Number(tolerance)}, "
        + (maximumIterations == int.MaxValue ? "iterations until converged" : $"at most {maximumIterations} iterations");

    private static string FastTree(FastTreeBinaryTrainer.Options o) =>
        $"{o.NumberOfTrees} trees of {o.NumberOfLeaves} leaves, at least {o.MinimumExampleCountPerLeaf} rows a leaf, learning rate {Number(o.LearningRate)}, {o.MaximumBinCountPerFeature} bins a feature";

    private static string LightGbm(LightGbmMulticlassTrainer.Options o) =>
        $"{o.NumberOfIterations} boosting rounds, leaves {Auto(o.NumberOfLeaves)}, rows a leaf {Auto(o.MinimumExampleCountPerLeaf)}, learning rate {Auto(o.LearningRate)}, {o.MaximumBinCountPerFeature} bins a feature";

    private static string AveragedPerceptron(AveragedPerceptronTrainer.Options o) =>
        $"{o.NumberOfIterations} passes, learning rate {Number(o.LearningRate)}{(o.DecreaseLearningRate ? " decreasing" : "")}, L2 {Number(o.L2Regularization)}, {o.LossFunction?.GetType().Name ?? "HingeLoss"}";

    /// <summary>ML.NET leaves some settings unset and chooses them from the data when it trains.</summary>
    private static string Auto<T>(T? value)
        where T : struct, IFormattable =>
        value?.ToString(null, CultureInfo.InvariantCulture) ?? "chosen from the data";

    private static string Number(float value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
