using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Cli;

/// <summary>
/// The models the CLI tests predict and evaluate with, each trained once per test run by the program itself
/// (<c>mlnetmlp train</c> on a small real subset), in a folder removed when the test process ends.
/// </summary>
internal static class TrainedModels
{
    private static readonly TemporaryDirectory Folder = CreateFolder();

    private static readonly Lazy<Training> MnistTraining = new(() => Train("mnist-model.zip", "mnist", "--rows", "3000"));

    private static readonly Lazy<Training> ImdbTraining = new(() =>
        Train("imdb-model.zip", "imdb", "--data", TestPaths.RequireSharedData("imdb/aclImdb.tar.gz"), "--rows", "4000"));

    /// <summary>A model file and what <c>train</c> printed while making it.</summary>
    public sealed record Training(string Model, ProcessRunner.Result Run);

    /// <summary>The MNIST recipe, 5 epochs on 3,000 digits of the embedded sample.</summary>
    public static Training Mnist => MnistTraining.Value;

    /// <summary>The IMDb recipe, 4 epochs on a seeded 4,000 of the shared archive's training reviews.</summary>
    public static Training Imdb => ImdbTraining.Value;

    private static Training Train(string fileName, params string[] arguments)
    {
        var model = Folder.File(fileName);
        var run = CliRunner.Run(["train", .. arguments, "--model", model]);
        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        return new Training(model, run);
    }

    private static TemporaryDirectory CreateFolder()
    {
        var folder = new TemporaryDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        return folder;
    }
}
