using MlNetMlp.Cli.Commands;
using MlNetMlp.Cli.Console;
using Spectre.Console.Cli;

if (Console.IsOutputRedirected)
{
    // Logs and pipes get whole table rows instead of wrapping at the 80-column default.
    Spectre.Console.AnsiConsole.Profile.Width = 200;
}

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("mlnetmlp");
    config.SetApplicationVersion(ProgramVersion.Describe());
    config.SetExceptionHandler((exception, _) => ErrorReport.Handle(exception));
    config.AddCommand<CompareCommand>("compare")
        .WithDescription("The main job: train the course's MLP, its regularized form and ML.NET's own trainers on the same data and write a report (md, html, csv, json, charts).")
        .WithExample("compare", "mnist")
        .WithExample("compare", "imdb", "--data", "../shared/data/imdb/aclImdb.tar.gz", "--out", "out/imdb");
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Fit the course's network (MNIST 784-512-10, IMDb 16-16-1), changed by the network options, and save the model .zip with its learning curves (PNG, CSV) beside it.")
        .WithExample("train", "mnist", "--model", "out/mnist-model.zip")
        .WithExample("train", "imdb", "--hidden", "16,16", "--dropout", "0.5", "--validation-split", "0.2", "--early-stopping", "3", "--epochs", "20");
    config.AddCommand<PredictCommand>("predict")
        .WithDescription("Load a saved model (.zip, or .onnx scored by ONNX Runtime) and predict: an image or IDX file for MNIST, a text file or stdin for IMDb.")
        .WithExample("predict", "--model", "out/mnist-model.zip", "--input", "digit.png");
    config.AddCommand<ExportCommand>("export")
        .WithDescription("Convert a saved model to ONNX, to score it with ONNX Runtime anywhere it runs (other languages, other machines, serving).")
        .WithExample("export", "--model", "out/mnist-model.zip", "--onnx", "out/mnist-model.onnx");
    config.AddCommand<EvaluateCommand>("evaluate")
        .WithDescription("Load a saved model and print its metrics on a data set's test part.")
        .WithExample("evaluate", "--model", "out/mnist-model.zip", "--data", "../shared/data/mnist");
    config.AddCommand<RegularizationCommand>("regularization")
        .WithDescription("The course's regularization study on IMDb: original, smaller, bigger, L2 and dropout networks, their validation curves beside the book's, and a report.")
        .WithExample("regularization", "imdb", "--data", "../shared/data/imdb/aclImdb.tar.gz")
        .WithExample("regularization", "imdb", "--models", "all", "--validation", "split");
    config.AddCommand<UncertaintyCommand>("uncertainty")
        .WithDescription("How good the MLP's uncertainty is on the test data: the plain network, Monte Carlo dropout and a deep ensemble (accuracy, log-loss, Brier, calibration, AUROC, selective accuracy), and a report.")
        .WithExample("uncertainty", "mnist", "--data", "../shared/data/mnist")
        .WithExample("uncertainty", "imdb", "--data", "../shared/data/imdb/aclImdb.tar.gz", "--members", "3");
    config.AddCommand<InfoCommand>("info")
        .WithDescription("Print the versions of ML.NET, TorchSharp and libtorch, torch's threads and devices, and run a small torch computation.");
});
return await app.RunAsync(args);
