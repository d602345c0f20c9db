using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Experiments.Reports;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>
/// The uncertainty figures for an MLP on MNIST or IMDb, as one call: the data prepared by the course's recipe, the
/// network of <see cref="UncertaintyNetworks"/> trained, and <see cref="UncertaintyStudy"/> run on the test data. Write
/// the result with <see cref="ReportWriter.Write(UncertaintyReport, string)"/>.
/// </summary>
public static class UncertaintyExperiment
{
    /// <summary>Runs the experiment on raw data as the readers give it (MNIST: Pixels and Label; IMDb: Text and Label).</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="dataset">Which data set, which decides the preparation and the network.</param>
    /// <param name="train">The raw training data.</param>
    /// <param name="test">The raw test data, touched only to measure.</param>
    /// <param name="options">Epochs, sampling, seed.</param>
    /// <returns>The report: the three methods' figures, the network and the context.</returns>
    public static UncertaintyReport Run(MLContext mlContext, UncertaintyDataset dataset, IDataView train, IDataView test, UncertaintyExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var mnist = dataset switch
        {
            UncertaintyDataset.Mnist => true,
            UncertaintyDataset.Imdb => false,
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), $"Expected Mnist or Imdb. Received: {(int)dataset}"),
        };
        var network = mnist
            ? UncertaintyNetworks.Mnist(options.Epochs ?? UncertaintyNetworks.MnistEpochs, options.Seed)
            : UncertaintyNetworks.Imdb(options.Epochs ?? UncertaintyNetworks.ImdbEpochs, options.Seed);
        var study = new UncertaintyStudyOptions
        {
            Network = network,
            MonteCarloSamples = options.MonteCarloSamples,
            EnsembleMembers = options.EnsembleMembers,
            Progress = options.Progress,
        };
        options.Progress?.Invoke("Preparing the data");
        var preparation = (mnist ? MnistPipeline.Preparation(mlContext) : ImdbPipeline.Preparation(mlContext)).Fit(train);
        var preparedTrain = mlContext.Data.Cache(preparation.Transform(train));
        var preparedTest = mlContext.Data.Cache(preparation.Transform(test));
        // Filled before training, so that the first network's training time does not include preparing the data.
        var trainRows = CachedRows.Fill(preparedTrain);
        CachedRows.Fill(preparedTest);
        var methods = UncertaintyStudy.Run(mlContext, preparedTrain, preparedTest, study);
        var inputs = ((VectorDataViewType)preparedTrain.Schema[network.FeatureColumnName].Type).Size;
        return new UncertaintyReport
        {
            Title = $"{(mnist ? "MNIST" : "IMDb")}: how good is the MLP's uncertainty (plain, Monte Carlo dropout, deep ensemble)",
            Figures = Figures(network, inputs, mnist ? "Dense(10, Softmax)" : "Dense(1, Sigmoid)", study, methods),
            Data = new DataDescription(mnist ? "MNIST" : "IMDb", options.DataSource, trainRows, methods[0].Metrics.Rows),
            Machine = MachineDescription.Current(),
            Versions = ComponentVersions.Loaded(),
            StudySeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>The figures with the network and its training written out.</summary>
    internal static UncertaintyFigures Figures(MlpOptions network, int inputs, string outputLayer, UncertaintyStudyOptions study, IReadOnlyList<UncertaintyMethodResult> methods) => new(
        NetworkDescription.Of(inputs, network.Layers, outputLayer),
        string.Create(CultureInfo.InvariantCulture, $"{network.Optimizer} (learning rate {network.LearningRate}), batch {network.BatchSize}, {network.Epochs} epochs, seed {network.Seed}"),
        study.MonteCarloSamples,
        study.EnsembleMembers,
        methods);
}
