using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// Builds a throwaway application, outside the repository, that knows MlNetMlp only through the packed
/// packages: torch must start (the GLIBCXX fix arrives through the package's buildTransitive targets),
/// a transform must save and load through ML.NET, and the embedded MNIST sample must travel inside
/// MlNetMlp.Datasets.
/// </summary>
[TestClass]
public sealed class ConsumerPackageTests
{
    private const string ConsumerProgram = """
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using MlNetMlp;
        using MlNetMlp.Datasets;
        using TorchSharp;

        TorchRuntime.EnsureStarted();
        var product = torch.matmul(torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]), torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]));
        Console.WriteLine("torch " + string.Join(",", product.data<float>().ToArray()));

        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new Image { Pixels = [0, 51, 255] } });
        var model = mlContext.Transforms.NormalizePixels("Features", "Pixels").Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.zip");
        mlContext.Model.Save(model, data.Schema, path);
        var loaded = mlContext.Model.Load(path, out _);
        var features = loaded.Transform(data).GetColumn<float[]>("Features").Single();
        Console.WriteLine("pixels " + string.Join(",", features));
        File.Delete(path);
        Console.WriteLine("sample rows " + MnistSample.Load(DataSplit.Test).GetRowCount());

        public sealed class Image
        {
            [VectorType(3)]
            public byte[] Pixels { get; set; } = [];
        }
        """;

    [TestMethod]
    public void PackedPackages_ConsumerApplicationBuiltAndPublished_RunsTorchAndLoadsSavedTransform()
    {
        using var directory = new TemporaryDirectory();
        var consumer = PackedFeed.Instance.CreateConsumer(directory.File("consumer"), ["MlNetMlp.Trainers", "MlNetMlp.Transforms", "MlNetMlp.Datasets"], ConsumerProgram);

        var run = ProcessRunner.Run("dotnet", ["run", "--project", consumer], consumer);

        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        StringAssert.Contains(run.StandardOutput, "torch 19,22,43,50", run.Transcript);
        StringAssert.Contains(run.StandardOutput, "pixels 0,0.2,1", run.Transcript);
        StringAssert.Contains(run.StandardOutput, "sample rows 2000", run.Transcript);

        var published = directory.File("published");
        var publish = ProcessRunner.Run("dotnet", ["publish", consumer, "-o", published], consumer);
        Assert.AreEqual(0, publish.ExitCode, publish.Transcript);
        var runPublished = ProcessRunner.Run("dotnet", [Path.Combine(published, "Consumer.dll")], published);
        Assert.AreEqual(0, runPublished.ExitCode, runPublished.Transcript);
        StringAssert.Contains(runPublished.StandardOutput, "torch 19,22,43,50", runPublished.Transcript);
    }
}
