using System.Buffers.Binary;

namespace MlNetMlp.Bench.Data;

/// <summary>
/// An MNIST image file and its label file. The benchmarks read them through each peer's own reader; this type only
/// finds them, and writes the larger (or, for a quick run, smaller) training sets the benchmarks need.
/// </summary>
internal sealed record MnistFiles(string Folder, string Images, string Labels)
{
    private const int ImageBytes = 28 * 28;

    /// <summary>The training (<c>train</c>) or test (<c>t10k</c>) pair in a folder laid out like the MNIST distribution.</summary>
    public static MnistFiles Find(string folder, string prefix) =>
        new(folder, Locate(folder, $"{prefix}-images-idx3-ubyte"), Locate(folder, $"{prefix}-labels-idx1-ubyte"));

    /// <summary>
    /// Writes <paramref name="rows"/> images and labels into <paramref name="folder"/> as the <paramref name="prefix"/>
    /// (train or t10k) pair, cycling through the source's images in order (60,000 rows from the real 10,000 repeat
    /// each six times; 1,000 rows are the first 1,000), as uncompressed IDX files.
    /// </summary>
    public MnistFiles WriteCycled(string folder, string prefix, int rows)
    {
        var images = IdxPayload.Read(Images, headerLength: 16);
        var labels = IdxPayload.Read(Labels, headerLength: 8);
        var sourceRows = labels.Length;
        Directory.CreateDirectory(folder);
        var target = new MnistFiles(folder, Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"));
        using (var imageFile = File.Create(target.Images))
        {
            imageFile.Write(Header(2051, rows, 28, 28));
            for (var row = 0; row < rows; row++)
            {
                imageFile.Write(images, row % sourceRows * ImageBytes, ImageBytes);
            }
        }

        using (var labelFile = File.Create(target.Labels))
        {
            labelFile.Write(Header(2049, rows));
            for (var row = 0; row < rows; row++)
            {
                labelFile.WriteByte(labels[row % sourceRows]);
            }
        }

        return target;
    }

    private static byte[] Header(int magic, params int[] dimensions)
    {
        var header = new byte[4 * (dimensions.Length + 1)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 * (i + 1)), dimensions[i]);
        }

        return header;
    }

    private static string Locate(string folder, string name) =>
        new[] { name + ".gz", name }.Select(file => Path.Combine(folder, file)).FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"No '{name}' or '{name}.gz' in '{Path.GetFullPath(folder)}'.");
}
