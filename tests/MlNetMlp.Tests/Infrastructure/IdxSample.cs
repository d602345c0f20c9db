using System.Buffers.Binary;
using System.IO.Compression;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// Reads the first rows of the shared MNIST IDX files for trainer tests (the production readers live in
/// src/Pipelines): pixels scaled to [0, 1] and labels 0..9.
/// </summary>
internal static class IdxSample
{
    public sealed class Digit
    {
        [Microsoft.ML.Data.VectorType(784)]
        public float[] Features { get; set; } = [];

        public uint Digit0To9 { get; set; }
    }

    /// <summary>The first <paramref name="count"/> digits of the training ("train") or test ("t10k") files.</summary>
    public static List<Digit> Load(string prefix, int count)
    {
        var images = ReadAll(TestPaths.RequireSharedData($"mnist/{prefix}-images-idx3-ubyte.gz"));
        var labels = ReadAll(TestPaths.RequireSharedData($"mnist/{prefix}-labels-idx1-ubyte.gz"));
        Assert.AreEqual(2051, BinaryPrimitives.ReadInt32BigEndian(images), "image file magic");
        Assert.AreEqual(2049, BinaryPrimitives.ReadInt32BigEndian(labels), "label file magic");
        var available = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4));
        var digits = new List<Digit>();
        for (var i = 0; i < Math.Min(count, available); i++)
        {
            var pixels = images.AsSpan(16 + i * 784, 784);
            digits.Add(new Digit { Features = pixels.ToArray().Select(p => p / 255f).ToArray(), Digit0To9 = labels[8 + i] });
        }

        return digits;
    }

    private static byte[] ReadAll(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        gzip.CopyTo(copy);
        return copy.ToArray();
    }
}
