using System.Globalization;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments.Regularization;

/// <summary>
/// The book's conclusions, as tests on validation-loss curves: the bigger network overfits first and worst, the
/// original next, and the smaller, L2 and dropout networks end with a lower validation loss than the original.
/// "Overfits first" compares the epochs of lowest validation loss; "worst" and "ends lower" compare the loss after
/// the last epoch. Only the book's five networks take part; a claim whose networks are missing is not checked.
/// </summary>
internal static class BookConclusions
{
    public static IReadOnlyList<RegularizationConclusion> Check(IReadOnlyList<RegularizationModelResult> results)
    {
        var book = RegularizationModels.Book
            .Where(model => results.Any(r => r.Model == model))
            .ToDictionary(model => model, model => BookReference.ValidationLoss(model)!);
        var withPenalty = Curves(results, e => e.ValidationLoss);
        var withoutPenalty = Curves(results, e => e.ValidationLossWithoutPenalty);
        var claims = new (string Claim, Func<IReadOnlyDictionary<RegularizationModel, IReadOnlyList<double>>, ConclusionCheck?> Test)[]
        {
            ("The bigger network overfits first (its lowest validation loss comes no later than any other network's)", OverfitsFirst),
            ("The bigger network overfits worst (it ends with the highest validation loss)", EndsHighest),
            ("The original overfits next (its lowest validation loss comes no later than the smaller, L2 and dropout networks'; it ends second highest)", OriginalNext),
            ("The smaller network ends with a lower validation loss than the original", curves => EndsBelowOriginal(curves, RegularizationModel.Smaller)),
            ("The L2 network ends with a lower validation loss than the original", curves => EndsBelowOriginal(curves, RegularizationModel.L2)),
            ("The dropout network ends with a lower validation loss than the original", curves => EndsBelowOriginal(curves, RegularizationModel.Dropout)),
        };
        return [.. claims.Select(c => new RegularizationConclusion(c.Claim, c.Test(book), c.Test(withPenalty), c.Test(withoutPenalty)))];
    }

    private static Dictionary<RegularizationModel, IReadOnlyList<double>> Curves(IReadOnlyList<RegularizationModelResult> results, Func<MlpEpoch, double?> loss) =>
        results.Where(r => RegularizationModels.Book.Contains(r.Model))
            .ToDictionary(r => r.Model, r => (IReadOnlyList<double>)[.. r.History.Select(e => loss(e) ?? double.NaN)]);

    private static ConclusionCheck? OverfitsFirst(IReadOnlyDictionary<RegularizationModel, IReadOnlyList<double>> curves)
    {
        if (!curves.ContainsKey(RegularizationModel.Bigger) || curves.Count < 2)
        {
            return null;
        }

        var bigger = ValidationCurve.BestEpoch(curves[RegularizationModel.Bigger]);
        return new ConclusionCheck(curves.Values.All(curve => bigger <= ValidationCurve.BestEpoch(curve)), $"lowest validation loss at epoch: {Join(curves, curve => Epoch(ValidationCurve.BestEpoch(curve)))}");
    }

    private static ConclusionCheck? EndsHighest(IReadOnlyDictionary<RegularizationModel, IReadOnlyList<double>> curves)
    {
        if (!curves.ContainsKey(RegularizationModel.Bigger) || curves.Count < 2)
        {
            return null;
        }

        var ranking = curves.OrderByDescending(c => c.Value[^1]).ToList();
        return new ConclusionCheck(ranking[0].Key == RegularizationModel.Bigger, $"final validation loss: {Join(ranking, curve => Loss(curve[^1]))}");
    }

    private static ConclusionCheck? OriginalNext(IReadOnlyDictionary<RegularizationModel, IReadOnlyList<double>> curves)
    {
        if (!curves.ContainsKey(RegularizationModel.Original) || !curves.ContainsKey(RegularizationModel.Bigger) || curves.Count < 3)
        {
            return null;
        }

        var original = ValidationCurve.BestEpoch(curves[RegularizationModel.Original]);
        var regularized = curves.Where(c => c.Key is not (RegularizationModel.Original or RegularizationModel.Bigger)).ToList();
        var ranking = curves.OrderByDescending(c => c.Value[^1]).ToList();
        var holds = regularized.All(c => original <= ValidationCurve.BestEpoch(c.Value)) && ranking[1].Key == RegularizationModel.Original;
        return new ConclusionCheck(holds,
            $"lowest validation loss at epoch: {Join(curves, curve => Epoch(ValidationCurve.BestEpoch(curve)))}; final validation loss: {Join(ranking, curve => Loss(curve[^1]))}");
    }

    private static ConclusionCheck? EndsBelowOriginal(IReadOnlyDictionary<RegularizationModel, IReadOnlyList<double>> curves, RegularizationModel model)
    {
        if (!curves.TryGetValue(model, out var curve) || !curves.TryGetValue(RegularizationModel.Original, out var original))
        {
            return null;
        }

        return new ConclusionCheck(curve[^1] < original[^1],
            $"final validation loss: {RegularizationModels.Describe(model)} {Loss(curve[^1])}, {RegularizationModels.Describe(RegularizationModel.Original)} {Loss(original[^1])}");
    }

    private static string Join(IEnumerable<KeyValuePair<RegularizationModel, IReadOnlyList<double>>> curves, Func<IReadOnlyList<double>, string> figure) =>
        string.Join(", ", curves.Select(c => $"{RegularizationModels.Describe(c.Key)} {figure(c.Value)}"));

    private static string Epoch(int epoch) => epoch.ToString(CultureInfo.InvariantCulture);

    private static string Loss(double loss) => loss.ToString("0.0000", CultureInfo.InvariantCulture);
}
