using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments;

/// <summary>
/// Compares three ways of predicting with uncertainty on the same data: the plain MLP (its softmax or sigmoid
/// probabilities), Monte Carlo dropout over the same trained network (Gal and Ghahramani, 2016), and a deep ensemble
/// of the same network from different seeds (Lakshminarayanan et al., 2017). Each is measured on the test data for
/// accuracy, log-loss, Brier score, expected calibration error with its reliability bins, and how well its predictive
/// entropy separates wrong from right predictions (AUROC, accuracy on the most confident rows).
/// </summary>
public static class UncertaintyMethods
{
    private const string Entropy = "predictive entropy of the probabilities";
    private const string MeanEntropy = "predictive entropy of the mean probabilities";
    private const string PlainMethod = "MLP";

    /// <summary>Runs the study on prepared data: <paramref name="train"/> and <paramref name="test"/> hold the feature and label columns the network's options name.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="train">Training data.</param>
    /// <param name="test">Test data, touched only to measure.</param>
    /// <param name="options">The network and the sampling.</param>
    /// <returns>The plain model, Monte Carlo dropout and the ensemble, in that order.</returns>
    public static IReadOnlyList<UncertaintyMethodResult> Run(MLContext mlContext, IDataView train, IDataView test, UncertaintyMethodsOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        options.Progress?.Invoke("Training the MLP");
        var clock = Stopwatch.StartNew();
        var plain = mlContext.Mlp(options.Network).Fit(train);
        return Run(mlContext, plain, clock.Elapsed.TotalSeconds, train, test, options);
    }

    /// <summary>
    /// Runs the study around an MLP already trained with <paramref name="options"/>' network, e.g. by a larger study
    /// that needs the same network for other figures: Monte Carlo dropout runs over it, and the ensemble is trained here.
    /// </summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="plain">The trained MLP; it needs a dropout layer for Monte Carlo dropout.</param>
    /// <param name="plainTrainingSeconds">How long <paramref name="plain"/> took to train, for the report.</param>
    /// <param name="train">The data it was trained on: the ensemble's members train on it.</param>
    /// <param name="test">Test data, touched only to measure.</param>
    /// <param name="options">The network (the ensemble's members are trained with it) and the sampling.</param>
    /// <returns>The plain model, Monte Carlo dropout and the ensemble, in that order.</returns>
    public static IReadOnlyList<UncertaintyMethodResult> Run(
        MLContext mlContext, MlpTransformer plain, double plainTrainingSeconds, IDataView train, IDataView test, UncertaintyMethodsOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var label = options.Network.LabelColumnName;
        var monteCarlo = plain.WithMonteCarloDropout(options.MonteCarloSamples, options.Network.Seed ?? 0);

        options.Progress?.Invoke($"Training a deep ensemble of {options.EnsembleMembers}");
        var clock = Stopwatch.StartNew();
        var ensemble = mlContext.MlpEnsemble(options.Network, options.EnsembleMembers).Fit(train);
        var ensembleTraining = clock.Elapsed.TotalSeconds;

        var probability = ProbabilityColumn(plain, nameof(train));
        return
        [
            Measure(PlainMethod, Entropy, plain, test, probability, label, plainTrainingSeconds, options.Progress),
            Measure(MonteCarloMethod(options.MonteCarloSamples), MeanEntropy, monteCarlo, test, probability + MlpTransformer.MeanSuffix, label, 0, options.Progress),
            Measure($"Deep ensemble (M={options.EnsembleMembers})", MeanEntropy, ensemble, test, probability, label, ensembleTraining, options.Progress),
        ];
    }

    /// <summary>
    /// Measures a trained model, e.g. one loaded from a <c>.zip</c>: its MLP's ordinary output and, when the network has
    /// a dropout layer, Monte Carlo dropout over it. <paramref name="model"/> may be the MLP or a chain holding one MLP.
    /// </summary>
    /// <param name="model">The trained model: raw test data in, the MLP's columns out.</param>
    /// <param name="test">Test data with the label column the MLP was trained on.</param>
    /// <param name="monteCarloSamples">Stochastic passes of Monte Carlo dropout, at least 2; used only when the network has dropout.</param>
    /// <param name="seed">Seed of the dropout masks.</param>
    /// <returns>The plain MLP, then Monte Carlo dropout when the network has dropout.</returns>
    /// <exception cref="ArgumentException">The model holds no MLP, or more than one, or its task is not classification.</exception>
    public static IReadOnlyList<UncertaintyMethodResult> Measure(ITransformer model, IDataView test, int monteCarloSamples = UncertaintyMethodsOptions.Defaults.MonteCarloSamples, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(monteCarloSamples, 2);
        var mlps = model.Steps().OfType<MlpTransformer>().ToList();
        if (mlps.Count != 1)
        {
            throw new ArgumentException($"Expected a model with exactly one MLP (MlpTransformer) to measure. Received: a model with {mlps.Count}.", nameof(model));
        }

        var mlp = mlps[0];
        var probability = ProbabilityColumn(mlp, nameof(model));
        var plain = Measure(PlainMethod, Entropy, model, test, probability, mlp.LabelColumnName, 0, progress: null);
        if (!mlp.Model.HiddenLayers.Any(layer => layer.IsStochastic))
        {
            return [plain];
        }

        var monteCarlo = WithMonteCarloDropout(model, mlp.WithMonteCarloDropout(monteCarloSamples, seed));
        return [plain, Measure(MonteCarloMethod(monteCarloSamples), MeanEntropy, monteCarlo, test, probability + MlpTransformer.MeanSuffix, mlp.LabelColumnName, 0, progress: null)];
    }

    private static string MonteCarloMethod(int samples) => $"MC dropout (T={samples})";

    private static string ProbabilityColumn(MlpTransformer mlp, string parameter) => mlp.Model.Task switch
    {
        MlpTask.BinaryClassification => MlpTransformer.ProbabilityColumnName,
        MlpTask.MulticlassClassification => MlpTransformer.ScoreColumnName,
        _ => throw new ArgumentException($"Expected a binary or multiclass label: the study measures class probabilities. Received: a {mlp.Model.Task} model.", parameter),
    };

    private static UncertaintyMethodResult Measure(
        string method, string measure, ITransformer model, IDataView test, string column, string label, double trainingSeconds, Action<string>? progress)
    {
        progress?.Invoke($"Scoring the test data: {method}");
        var scoring = Stopwatch.StartNew();
        var metrics = UncertaintyEvaluator.Evaluate(model.Transform(test), column, label);
        return new UncertaintyMethodResult(method, measure, metrics, trainingSeconds, scoring.Elapsed.TotalSeconds);
    }

    /// <summary>The model with its MLP replaced by <paramref name="monteCarlo"/>, chains rebuilt around it.</summary>
    private static ITransformer WithMonteCarloDropout(ITransformer model, MlpTransformer monteCarlo) => model switch
    {
        MlpTransformer => monteCarlo,
        IEnumerable<ITransformer> chain => new TransformerChain<ITransformer>([.. chain.Select(step => WithMonteCarloDropout(step, monteCarlo))]),
        _ => model,
    };

    private static void Validate(UncertaintyMethodsOptions options)
    {
        OptionCheck.AtLeast(options.MonteCarloSamples, 2, nameof(options.MonteCarloSamples), "one pass has no spread");
        OptionCheck.AtLeast(options.EnsembleMembers, 2, nameof(options.EnsembleMembers), "one network is no ensemble");
    }
}
