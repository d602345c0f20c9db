using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Datasets;

[TestClass]
public sealed class MnistSampleTests
{
    [TestMethod]
    public void MnistSample_Load_SplitsTheTenThousandDigitsEightToTwo()
    {
        var train = MnistRowsReader.ReadAll(MnistSample.Load(DataSplit.Train));
        var test = MnistRowsReader.ReadAll(MnistSample.Load(DataSplit.Test));
        var all = MnistRowsReader.ReadAll(MnistSample.LoadAll());

        Assert.AreEqual(8_000L, MnistSample.Load(DataSplit.Train).GetRowCount());
        Assert.HasCount(8_000, train);
        Assert.HasCount(2_000, test);
        CollectionAssert.AreEqual(all[8_000].Pixels, test[0].Pixels);
        CollectionAssert.AreEqual(all[7_999].Pixels, train[^1].Pixels);
        for (var digit = 1u; digit <= 10; digit++)
        {
            Assert.IsGreaterThanOrEqualTo(150, test.Count(row => row.Label == digit), $"key {digit} is in the test split");
        }
    }

    [TestMethod]
    public void MnistSample_RestoredBytes_EqualTheRealFirstTenThousandTrainingImages()
    {
        var images = TestPaths.RequireSharedData("mnist/train-images-idx3-ubyte.gz");
        var labels = TestPaths.RequireSharedData("mnist/train-labels-idx1-ubyte.gz");
        var real = MnistRowsReader.ReadAll(MnistDataset.Load(images, labels));
        var sample = MnistRowsReader.ReadAll(MnistSample.LoadAll());

        // The converter shuffled the classes together but kept each class in MNIST's order,
        // so the k-th sample image of a digit is the k-th real training image of that digit.
        Assert.HasCount(real.Count, sample);
        for (var digit = 1u; digit <= 10; digit++)
        {
            var realOfDigit = real.Where(row => row.Label == digit).ToList();
            var sampleOfDigit = sample.Where(row => row.Label == digit).ToList();
            Assert.HasCount(realOfDigit.Count, sampleOfDigit);
            for (var k = 0; k < realOfDigit.Count; k++)
            {
                CollectionAssert.AreEqual(realOfDigit[k].Pixels, sampleOfDigit[k].Pixels, $"digit {digit - 1}, image {k}");
            }
        }
    }
}
