using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Trainers;

namespace MlNetMlp.Experiments.Uncertainty;

/// <summary>
/// Compares three ways of predicting with uncertainty on the same data: the plain MLP (its softmax or sigmoid
/// probabilities), Monte Carlo dropout over the same trained network (Gal and Ghahramani, 2016), and a deep ensemble
/// of the same network from different seeds (Lakshminarayanan et al., 2017). Each is measured on the test data for
/// accuracy, log-loss, Brier score, expected calibration error with its reliability bins, and how well its predictive
/// entropy separates wrong from right predictions (AUROC, accuracy on the most confident rows).
/// </summary>
public static class UncertaintyStudy
{
    private const string Entropy = "predictive entropy of the probabilities";
    private const string MeanEntropy = "predictive entropy of the mean probabilities";

    /// <summary>Runs the study on prepared data: <paramref name="train"/> and <paramref name="test"/> hold the feature and label columns the network's options name.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="train">Training data.</param>
    /// <param name="test">Test data, touched only to measure.</param>
    /// <param name="options">The network and the sampling.</param>
    /// <returns>The plain model, Monte Carlo dropout and the ensemble, in that order.</returns>
    public static IReadOnlyList<UncertaintyMethodResult> Run(MLContext mlContext, IDataView train, IDataView test, UncertaintyStudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MonteCarloSamples, 2, nameof(options.MonteCarloSamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EnsembleMembers, 2, nameof(options.EnsembleMembers));
        var label = options.Network.LabelColumnName;

        options.Progress?.Invoke("Training the MLP");
        var clock = Stopwatch.StartNew();
        var plain = mlContext.Mlp(options.Network).Fit(train);
        var plainTraining = clock.Elapsed.TotalSeconds;
        var monteCarlo = plain.WithMonteCarloDropout(options.MonteCarloSamples, options.Network.Seed ?? 0);

        options.Progress?.Invoke($"Training a deep ensemble of {options.EnsembleMembers}");
        clock.Restart();
        var ensemble = mlContext.MlpEnsemble(options.Network, options.EnsembleMembers).Fit(train);
        var ensembleTraining = clock.Elapsed.TotalSeconds;

        var binary = plain.Model.Task switch
        {
            MlpTask.BinaryClassification => true,
            MlpTask.MulticlassClassification => false,
            _ => throw new ArgumentException($"Expected a binary or multiclass label: the study measures class probabilities. Received: a {plain.Model.Task} model.", nameof(train)),
        };
        var probability = binary ? MlpTransformer.ProbabilityColumnName : MlpTransformer.ScoreColumnName;
        return
        [
            Measure("MLP", Entropy, plain, probability, plainTraining),
            Measure($"MC dropout (T={options.MonteCarloSamples})", MeanEntropy, monteCarlo, probability + MlpTransformer.MeanSuffix, 0),
            Measure($"Deep ensemble (M={options.EnsembleMembers})", MeanEntropy, ensemble, probability, ensembleTraining),
        ];

        UncertaintyMethodResult Measure(string method, string measure, ITransformer model, string column, double trainingSeconds)
        {
            options.Progress?.Invoke($"Scoring the test data: {method}");
            var scoring = Stopwatch.StartNew();
            var (probabilities, labels) = Read(model.Transform(test), column, label, binary);
            var seconds = scoring.Elapsed.TotalSeconds;
            var uncertainty = probabilities.Select(p => UncertaintyEvaluator.Entropy(p)).ToList();
            return new UncertaintyMethodResult(method, measure, UncertaintyEvaluator.Evaluate(probabilities, labels, uncertainty), trainingSeconds, seconds);
        }
    }

    /// <summary>
    /// Each row's class probabilities and true class index from scored data: a binary probability p becomes [1 - p, p];
    /// the label may be Boolean, a 0/1 Single, a key, or a one-hot vector.
    /// </summary>
    private static (List<float[]> Probabilities, List<int> Labels) Read(IDataView scored, string probabilityColumn, string labelColumn, bool binary)
    {
        var probabilities = new List<float[]>();
        var labels = new List<int>();
        var columns = new[] { scored.Schema[probabilityColumn], scored.Schema[labelColumn] };
        using var cursor = scored.GetRowCursor(columns);
        Func<float[]> readProbabilities;
        if (binary)
        {
            var p = cursor.GetGetter<float>(columns[0]);
            readProbabilities = () =>
            {
                float value = 0;
                p(ref value);
                return [1 - value, value];
            };
        }
        else
        {
            var scores = cursor.GetGetter<VBuffer<float>>(columns[0]);
            readProbabilities = () =>
            {
                var vector = default(VBuffer<float>);
                scores(ref vector);
                return vector.DenseValues().ToArray();
            };
        }

        var readLabel = LabelReader(cursor, columns[1]);
        while (cursor.MoveNext())
        {
            probabilities.Add(readProbabilities());
            labels.Add(readLabel());
        }

        return (probabilities, labels);
    }

    private static Func<int> LabelReader(DataViewRowCursor cursor, DataViewSchema.Column label)
    {
        switch (label.Type)
        {
            case BooleanDataViewType:
                var flag = cursor.GetGetter<bool>(label);
                return () =>
                {
                    var value = false;
                    flag(ref value);
                    return value ? 1 : 0;
                };
            case KeyDataViewType:
                var key = cursor.GetGetter<uint>(label);
                return () =>
                {
                    uint value = 0;
                    key(ref value);
                    return (int)value - 1;
                };
            case VectorDataViewType:
                var oneHot = cursor.GetGetter<VBuffer<float>>(label);
                return () =>
                {
                    var value = default(VBuffer<float>);
                    oneHot(ref value);
                    var values = value.DenseValues().ToArray();
                    return Array.IndexOf(values, values.Max());
                };
            default:
                var number = cursor.GetGetter<float>(label);
                return () =>
                {
                    float value = 0;
                    number(ref value);
                    return (int)value;
                };
        }
    }
}
