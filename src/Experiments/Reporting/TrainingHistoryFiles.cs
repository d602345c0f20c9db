using System.Text;
using MlNetMlp.Experiments.Reporting;
using ScottPlot;

namespace MlNetMlp.Experiments;

/// <summary>
/// A trained MLP's history as files, like the course's plot of Keras's <c>History</c>: a PNG with the loss per epoch
/// beside the metric per epoch (accuracy, or mean absolute error for regression), training and validation in each, and a
/// CSV of the same numbers with Keras's <c>CSVLogger</c> column names. The loss panel also draws each epoch's learning
/// rate, on its right-hand axis (models saved before 0.3 did not record it).
/// </summary>
public static class TrainingHistoryFiles
{
    private const int PanelWidth = 640;
    private const int Height = 520;

    /// <summary>Writes the history of <paramref name="model"/> to <paramref name="pngPath"/> and <paramref name="csvPath"/>, replacing them.</summary>
    /// <param name="model">The trained network; its <see cref="MlpModel.History"/> must hold at least one epoch.</param>
    /// <param name="title">What the plot is of, e.g. "MNIST 784-512-10 on 8,000 rows".</param>
    /// <param name="pngPath">Where to write the chart.</param>
    /// <param name="csvPath">Where to write the numbers.</param>
    /// <exception cref="ArgumentException">The model has no history (it was loaded from a model saved without one).</exception>
    public static void Write(MlpModel model, string title, string pngPath, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        var history = model.History;
        if (history.Count == 0)
        {
            throw new ArgumentException("Expected a model with at least one epoch of history. Received: an empty history", nameof(model));
        }

        var metric = history[0].MetricName;
        var crossEntropy = model.Loss is MlpLoss.CategoricalCrossEntropy or MlpLoss.BinaryCrossEntropy;
        var loss = Plot(
            $"{title}\nloss per epoch", history, e => e.TrainingLoss, e => e.ValidationLoss,
            crossEntropy ? $"{LossName(model.Loss)} (natural log)" : LossName(model.Loss));
        if (history.All(e => e.LearningRate is not null))
        {
            AddLearningRate(loss, history);
        }

        var metricPlot = Plot(
            $"{title}\n{(metric == "accuracy" ? "accuracy" : "mean absolute error")} per epoch", history, e => e.TrainingMetric, e => e.ValidationMetric,
            metric == "accuracy" ? "accuracy" : "mean absolute error");

        var figure = new Multiplot(loss);
        figure.AddPlot(metricPlot);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        figure.SavePng(pngPath, 2 * PanelWidth, Height);

        File.WriteAllText(csvPath, Csv(history), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static Plot Plot(string title, IReadOnlyList<MlpEpoch> history, Func<MlpEpoch, double> training, Func<MlpEpoch, double?> validation, string valueLabel)
    {
        var plot = new Plot();
        var epochs = history.Select(e => (double)e.Epoch).ToArray();
        var train = plot.Add.Scatter(epochs, history.Select(training).ToArray());
        train.LegendText = "training";
        train.LineWidth = 1;
        train.MarkerSize = 9;
        train.MarkerShape = MarkerShape.FilledCircle;

        var validated = history.Where(e => validation(e).HasValue).ToList();
        if (validated.Count > 0)
        {
            var line = plot.Add.Scatter(validated.Select(e => (double)e.Epoch).ToArray(), validated.Select(e => validation(e)!.Value).ToArray());
            line.LegendText = "validation";
            line.LineWidth = 3;
            line.MarkerSize = 6;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(valueLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        // Below the axes, where it cannot hide a point.
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>The rate of each epoch as a dashed line against the right-hand axis.</summary>
    private static void AddLearningRate(Plot plot, IReadOnlyList<MlpEpoch> history)
    {
        var rate = plot.Add.Scatter(history.Select(e => (double)e.Epoch).ToArray(), history.Select(e => e.LearningRate!.Value).ToArray());
        rate.Axes.YAxis = plot.Axes.Right;
        rate.LegendText = "learning rate (right axis)";
        rate.LineWidth = 2;
        rate.LinePattern = LinePattern.Dashed;
        rate.MarkerSize = 0;
        plot.Axes.Right.Label.Text = "learning rate";
    }

    private static string LossName(MlpLoss loss) => loss switch
    {
        MlpLoss.CategoricalCrossEntropy => "categorical cross-entropy",
        MlpLoss.BinaryCrossEntropy => "binary cross-entropy",
        MlpLoss.MeanSquaredError => "mean squared error",
        MlpLoss.MeanAbsoluteError => "mean absolute error",
        _ => loss.ToString(),
    };

    /// <summary>One row per epoch: <c>epoch,loss,accuracy,val_loss,val_accuracy,penalty_loss,seconds</c> (<c>mae</c> for regression); empty cells without validation data.</summary>
    private static string Csv(IReadOnlyList<MlpEpoch> history)
    {
        var metric = history[0].MetricName;
        return CsvTable.Render(
            ["epoch", "loss", metric, "val_loss", $"val_{metric}", "penalty_loss", "seconds"],
            history.Select(e => (IReadOnlyList<string>)
            [
                CsvTable.Integer(e.Epoch), CsvTable.Number(e.TrainingLoss), CsvTable.Number(e.TrainingMetric), CsvTable.Number(e.ValidationLoss),
                CsvTable.Number(e.ValidationMetric), CsvTable.Number(e.PenaltyLoss), CsvTable.Number(e.WallTime.TotalSeconds),
            ]));
    }
}
