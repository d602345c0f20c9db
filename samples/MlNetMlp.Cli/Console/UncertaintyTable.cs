using System.Globalization;
using MlNetMlp.Experiments;
using Spectre.Console;

namespace MlNetMlp.Cli.Console;

/// <summary>Prints uncertainty figures, one row per method: accuracy, log-loss, Brier, ECE, AUROC and selective accuracy.</summary>
internal static class UncertaintyTable
{
    public static Table Of(IEnumerable<UncertaintyMethodResult> methods)
    {
        var table = new Table().AddColumns(
        [
            "method", "accuracy", "log-loss (nats)", "Brier", "ECE (15 bins)", "AUROC wrong vs right",
            .. UncertaintyEvaluator.SelectiveShares.Select(share => $"acc. top {(share * 100).ToString("0", CultureInfo.InvariantCulture)} %"),
        ]);
        foreach (var method in methods)
        {
            var m = method.Metrics;
            table.AddRow(
            [
                Markup.Escape(method.Method), F4(m.Accuracy), F4(m.LogLoss), F4(m.BrierScore), F4(m.ExpectedCalibrationError), F4(m.UncertaintyAuroc),
                .. UncertaintyEvaluator.SelectiveShares.Select(share => F4(m.SelectiveAccuracy[share])),
            ]);
        }

        return table;
    }

    private static string F4(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
