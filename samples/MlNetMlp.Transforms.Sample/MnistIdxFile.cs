using System.Buffers.Binary;
using System.IO.Compression;

namespace MlNetMlp.Samples;

/// <summary>
/// Reads the first images or labels of an MNIST IDX file (gzipped, as in the original distribution).
/// Deliberately tiny: the project's real readers live in MlNetMlp.Pipelines.
/// </summary>
internal static class MnistIdxFile
{
    private const int ImagesMagic = 2051;
    private const int LabelsMagic = 2049;

    /// <summary>The first <paramref name="count"/> images of an <c>idx3-ubyte.gz</c> file, each rows x columns bytes in row-major order.</summary>
    public static byte[][] ReadImages(string path, int count)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var header = ReadHeader(stream, path, ImagesMagic, 3);
        var size = header[1] * header[2];
        return [.. Enumerable.Range(0, Math.Min(count, header[0])).Select(_ => ReadExactly(stream, size, path))];
    }

    /// <summary>The first <paramref name="count"/> labels of an <c>idx1-ubyte.gz</c> file.</summary>
    public static byte[] ReadLabels(string path, int count)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var header = ReadHeader(stream, path, LabelsMagic, 1);
        return ReadExactly(stream, Math.Min(count, header[0]), path);
    }

    private static int[] ReadHeader(Stream stream, string path, int magic, int dimensions)
    {
        var bytes = ReadExactly(stream, 4 * (1 + dimensions), path);
        var found = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (found != magic)
        {
            throw new InvalidDataException($"File '{path}': expected IDX magic number {magic}, found {found}.");
        }

        return [.. Enumerable.Range(1, dimensions).Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * i)))];
    }

    private static byte[] ReadExactly(Stream stream, int length, string path)
    {
        var bytes = new byte[length];
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"File '{path}' is truncated: expected {length} more bytes.", e);
        }

        return bytes;
    }
}
