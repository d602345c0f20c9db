using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;

namespace MlNetMlp.Tests.Datasets;

/// <summary>Test-side access to MNIST views and files: reads every row through a cursor, writes small IDX files.</summary>
internal static class MnistRowsReader
{
    public static List<(byte[] Pixels, uint Label)> ReadAll(IDataView data)
    {
        var rows = new List<(byte[], uint)>();
        var pixelsColumn = data.Schema[MnistDataset.PixelsColumnName];
        var labelColumn = data.Schema[MnistDataset.LabelColumnName];
        using var cursor = data.GetRowCursor([pixelsColumn, labelColumn]);
        var pixelsGetter = cursor.GetGetter<VBuffer<byte>>(pixelsColumn);
        var labelGetter = cursor.GetGetter<uint>(labelColumn);
        VBuffer<byte> pixels = default;
        uint label = 0;
        while (cursor.MoveNext())
        {
            pixelsGetter(ref pixels);
            labelGetter(ref label);
            rows.Add((pixels.DenseValues().ToArray(), label));
        }

        return rows;
    }

    /// <summary>Writes an IDX file: magic, sizes, bytes; gzipped when asked.</summary>
    public static void WriteIdx(string path, int magic, int[] sizes, byte[] items, bool gzip)
    {
        using var file = File.Create(path);
        using Stream output = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
        Span<byte> word = stackalloc byte[4];
        foreach (var value in new[] { magic }.Concat(sizes))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, value);
            output.Write(word);
        }

        output.Write(items);
    }

    /// <summary>Three 28 x 28 images whose pixel i of image n is (n * 7 + i) % 256, labelled 3, 0, 9.</summary>
    public static (string Images, string Labels) WriteThreeImages(string folder, bool gzip, string prefix = "train")
    {
        var pixels = new byte[3 * MnistDataset.PixelCount];
        for (var n = 0; n < 3; n++)
        {
            for (var i = 0; i < MnistDataset.PixelCount; i++)
            {
                pixels[(n * MnistDataset.PixelCount) + i] = (byte)(((n * 7) + i) % 256);
            }
        }

        var suffix = gzip ? ".gz" : string.Empty;
        var images = Path.Combine(folder, $"{prefix}-images-idx3-ubyte{suffix}");
        var labels = Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{suffix}");
        WriteIdx(images, 2051, [3, 28, 28], pixels, gzip);
        WriteIdx(labels, 2049, [3], [3, 0, 9], gzip);
        return (images, labels);
    }
}
