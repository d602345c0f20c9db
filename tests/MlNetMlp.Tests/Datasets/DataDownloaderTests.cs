using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Datasets;

[TestClass]
public sealed class DataDownloaderTests
{
    private const string TestLabelsPath = "/mnist/t10k-labels-idx1-ubyte.gz";

    [TestMethod]
    public async Task DataDownloader_GetAsync_DownloadsVerifiesAndThenServesFromTheCache()
    {
        var labels = File.ReadAllBytes(TestPaths.RequireSharedData("mnist/t10k-labels-idx1-ubyte.gz"));
        using var cache = new TemporaryDirectory();
        var spec = LocalSpec(MnistDownload.Files(DataSplit.Test).Labels, new Uri("http://127.0.0.1:1/absent/"));
        DownloadedFile downloaded;
        using (var server = new LocalHttpServer(new() { [TestLabelsPath] = labels }))
        {
            spec = spec with { Urls = [new Uri(server.BaseUri, "missing/t10k-labels-idx1-ubyte.gz"), new Uri(server.BaseUri, TestLabelsPath)] };
            downloaded = await new DataDownloader(cacheFolder: cache.Path).GetAsync(spec);
            Assert.AreEqual(2, server.RequestCount, "the first mirror answers 404, the second serves the file");
        }

        var again = await new DataDownloader(cacheFolder: cache.Path).GetAsync(spec);

        Assert.AreEqual(Path.Combine(cache.Path, "mnist", "t10k-labels-idx1-ubyte.gz"), downloaded.Path);
        CollectionAssert.AreEqual(labels, File.ReadAllBytes(downloaded.Path));
        Assert.IsTrue(downloaded.Verified);
        Assert.AreEqual("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", downloaded.ContentSha256);
        Assert.AreEqual(downloaded, again, "with the server gone the verified cached copy is used");
        Assert.HasCount(10_000, MnistRowsReader.ReadAll(MnistDataset.Load(TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz"), downloaded.Path)));
    }

    [TestMethod]
    public async Task DataDownloader_GetAsync_HashMismatchDeletesTheDownload()
    {
        var wrong = File.ReadAllBytes(TestPaths.RequireSharedData("mnist/train-labels-idx1-ubyte.gz"));
        using var cache = new TemporaryDirectory();
        using var server = new LocalHttpServer(new() { [TestLabelsPath] = wrong });
        var spec = LocalSpec(MnistDownload.Files(DataSplit.Test).Labels, new Uri(server.BaseUri, TestLabelsPath));

        var error = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => new DataDownloader(cacheFolder: cache.Path).GetAsync(spec));

        StringAssert.Contains(error.Message, "expected content SHA-256 ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2, found 651e38e2ac0632f5");
        StringAssert.Contains(error.Message, server.BaseUri.ToString());
        Assert.IsEmpty(Directory.GetFiles(cache.Path, "*", SearchOption.AllDirectories));
    }

    [TestMethod]
    public async Task DataDownloader_GetAsync_UnreachableServerSaysWhereItLookedAndWhatToDo()
    {
        using var cache = new TemporaryDirectory();
        var url = new Uri($"http://127.0.0.1:{LocalHttpServer.FreePort()}/mnist/t10k-images-idx3-ubyte.gz");
        var spec = LocalSpec(MnistDownload.Files(DataSplit.Test).Images, url);

        var error = await Assert.ThrowsExactlyAsync<DataUnavailableException>(() => new DataDownloader(cacheFolder: cache.Path).GetAsync(spec));

        StringAssert.Contains(error.Message, $"is not in the cache folder '{cache.Path}'");
        StringAssert.Contains(error.Message, $"tried {url}");
        StringAssert.Contains(error.Message, $"copy it to '{Path.Combine(cache.Path, "mnist", "t10k-images-idx3-ubyte.gz")}'");
        StringAssert.Contains(error.Message, DataCache.EnvironmentVariable);
        Assert.IsInstanceOfType<HttpRequestException>(error.InnerException);
    }

    [TestMethod]
    public async Task DataDownloader_GetAsync_UnknownHashNeedsTheCallersHashOrConsent()
    {
        var content = "no hash is known for this"u8.ToArray();
        using var cache = new TemporaryDirectory();
        using var server = new LocalHttpServer(new() { ["/file.txt"] = content });
        var spec = new DataFileSpec("file.txt", [new Uri(server.BaseUri, "file.txt")], ContentSha256: null);
        var downloader = new DataDownloader(cacheFolder: cache.Path);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

        var refused = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => downloader.GetAsync(spec));
        Assert.AreEqual(0, server.RequestCount, "nothing is downloaded before the caller decides");
        var unverified = await downloader.GetAsync(spec, allowUnverified: true);
        var verified = await downloader.GetAsync(spec, expectedContentSha256: expected.ToUpperInvariant());

        StringAssert.Contains(refused.Message, "No verified SHA-256 is known for 'file.txt'");
        Assert.IsFalse(unverified.Verified);
        Assert.AreEqual(expected, unverified.ContentSha256);
        Assert.IsTrue(verified.Verified);
    }

    [TestMethod]
    public async Task DataDownloader_GetAsync_DamagedCachedCopyIsDownloadedAgain()
    {
        var labels = File.ReadAllBytes(TestPaths.RequireSharedData("mnist/t10k-labels-idx1-ubyte.gz"));
        using var cache = new TemporaryDirectory();
        Directory.CreateDirectory(cache.File("mnist"));
        File.WriteAllBytes(cache.File("mnist/t10k-labels-idx1-ubyte.gz"), labels[..100]);
        using var server = new LocalHttpServer(new() { [TestLabelsPath] = labels });
        var spec = LocalSpec(MnistDownload.Files(DataSplit.Test).Labels, new Uri(server.BaseUri, TestLabelsPath));

        var downloaded = await new DataDownloader(cacheFolder: cache.Path).GetAsync(spec);

        Assert.AreEqual(1, server.RequestCount);
        CollectionAssert.AreEqual(labels, File.ReadAllBytes(downloaded.Path));
    }

    [TestMethod]
    public void MnistDownload_Files_PublishedLocationsAndOnlyVerifiedHashes()
    {
        var (testImages, testLabels) = MnistDownload.Files(DataSplit.Test);
        var (trainImages, _) = MnistDownload.Files(DataSplit.Train);

        Assert.AreEqual(new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/t10k-images-idx3-ubyte.gz"), testImages.Urls[0]);
        Assert.AreEqual(new Uri("http://yann.lecun.com/exdb/mnist/t10k-images-idx3-ubyte.gz"), testImages.Urls[^1]);
        StringAssert.StartsWith(testImages.ContentSha256, "0fa7898d509279e4", "README cross-check");
        StringAssert.StartsWith(testLabels.ContentSha256, "ff7bcfd416de3373", "README cross-check");
        Assert.IsNull(trainImages.ContentSha256, "no 60,000-image file was available to hash");
    }

    [TestMethod]
    public async Task MnistDownload_KnownTestHashes_MatchTheRealFiles()
    {
        var (images, labels) = MnistDownload.Files(DataSplit.Test);

        Assert.AreEqual(images.ContentSha256, await DataDownloader.ContentSha256Async(TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz")));
        Assert.AreEqual(labels.ContentSha256, await DataDownloader.ContentSha256Async(TestPaths.RequireSharedData("mnist/t10k-labels-idx1-ubyte.gz")));
    }

    [TestMethod]
    public async Task MnistDownload_LoadAsync_FetchesBothFilesFromAMirrorAndReadsThem()
    {
        using var cache = new TemporaryDirectory();
        using var server = new LocalHttpServer(new()
        {
            ["/mirror/t10k-images-idx3-ubyte.gz"] = File.ReadAllBytes(TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz")),
            ["/mirror/t10k-labels-idx1-ubyte.gz"] = File.ReadAllBytes(TestPaths.RequireSharedData("mnist/t10k-labels-idx1-ubyte.gz")),
        });

        var data = await MnistDownload.LoadAsync(DataSplit.Test, new DataDownloader(cacheFolder: cache.Path), mirrors: [new Uri(server.BaseUri, "mirror/")]);
        var rows = MnistRowsReader.ReadAll(data);

        Assert.HasCount(10_000, rows);
        Assert.AreEqual(8u, rows[0].Label, "the first MNIST test digit is a 7");
    }

    [TestMethod]
    public void DataCache_Folder_FollowsTheEnvironmentVariable()
    {
        var before = Environment.GetEnvironmentVariable(DataCache.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataCache.EnvironmentVariable, "/tmp/mlnetmlp-cache-test");
            Assert.AreEqual("/tmp/mlnetmlp-cache-test", DataCache.Folder);
            Environment.SetEnvironmentVariable(DataCache.EnvironmentVariable, null);
            StringAssert.EndsWith(DataCache.Folder, Path.Combine("mlnetmlp", "datasets"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataCache.EnvironmentVariable, before);
        }
    }

    private static DataFileSpec LocalSpec(DataFileSpec published, Uri url) => published with { Urls = [url] };
}
