using System.Buffers.Binary;
using System.IO.Compression;

namespace MlNetMlp.Datasets.Mnist;

/// <summary>
/// One IDX file (the MNIST format: a big-endian int32 magic number, one int32 per dimension, then the
/// unsigned bytes), plain or gzipped. Gzip is recognised by its content, not by the file name.
/// </summary>
internal sealed class IdxSource
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private readonly Func<Stream> _openRaw;

    private IdxSource(string description, Func<Stream> openRaw, bool isGzip, int[] dimensions, long? storedLength)
    {
        Description = description;
        _openRaw = openRaw;
        IsGzip = isGzip;
        Dimensions = dimensions;
        StoredLength = storedLength;
    }

    /// <summary>How error messages name the file, e.g. <c>MNIST images file '/data/t10k-images-idx3-ubyte.gz'</c>.</summary>
    public string Description { get; }

    public bool IsGzip { get; }

    /// <summary>The sizes in the header: the item count first.</summary>
    public int[] Dimensions { get; }

    /// <summary>The length of the file on disk when it is not compressed, else null.</summary>
    public long? StoredLength { get; }

    public int Count => Dimensions[0];

    public int HeaderLength => 4 + (4 * Dimensions.Length);

    /// <summary>Reads and checks the header: the magic number must say unsigned bytes with the expected number of dimensions.</summary>
    public static IdxSource Open(string description, Func<Stream> openRaw, int expectedMagic)
    {
        bool isGzip;
        long? storedLength;
        using (var raw = openRaw())
        {
            var start = new byte[2];
            isGzip = raw.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 && start.AsSpan().SequenceEqual(GzipMagic);
            storedLength = !isGzip && raw.CanSeek ? raw.Length : null;
        }

        var dimensionCount = expectedMagic & 0xff;
        var source = new IdxSource(description, openRaw, isGzip, new int[dimensionCount], storedLength);
        using var stream = source.OpenContent();
        var header = new byte[4 + (4 * dimensionCount)];
        var read = ReadFully(stream, header, source);
        if (read < 4)
        {
            throw new InvalidDataException($"{description} is not an IDX file: it holds {read} bytes, fewer than the 4-byte magic number.");
        }

        var magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != expectedMagic)
        {
            var hint = magic switch
            {
                2049 => " (2049 is a labels file)",
                2051 => " (2051 is an images file)",
                _ => string.Empty,
            };
            throw new InvalidDataException(
                $"{description}: expected IDX magic number {expectedMagic} (unsigned bytes, {dimensionCount} dimensions), found {magic}{hint}.");
        }

        if (read < header.Length)
        {
            throw new InvalidDataException($"{description} is truncated: its header needs {header.Length} bytes, the file holds {read}.");
        }

        for (var i = 0; i < dimensionCount; i++)
        {
            var size = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 + (4 * i)));
            if (size < 0)
            {
                throw new InvalidDataException($"{description}: expected non-negative sizes in the header, found {size} for dimension {i}.");
            }

            source.Dimensions[i] = size;
        }

        return source;
    }

    /// <summary>Checks a plain file's length against its header (a gzipped file is checked as it is read).</summary>
    public void CheckStoredLength(long itemLength)
    {
        var expected = HeaderLength + ((long)Count * itemLength);
        if (StoredLength is { } actual && actual != expected)
        {
            var problem = actual < expected ? "is truncated" : "has trailing bytes";
            throw new InvalidDataException(
                $"{Description} {problem}: its header announces {Count} items of {itemLength} bytes, so {expected} bytes in all; the file holds {actual}.");
        }
    }

    /// <summary>Opens the file positioned at item <paramref name="firstItem"/>, skipping the header and the items before it.</summary>
    public Stream OpenItems(int firstItem, int itemLength)
    {
        var stream = OpenContent();
        var skip = HeaderLength + ((long)firstItem * itemLength);
        if (stream.CanSeek)
        {
            stream.Seek(skip, SeekOrigin.Begin);
            return stream;
        }

        var buffer = new byte[Math.Min(skip, 1 << 16)];
        while (skip > 0)
        {
            var read = ReadFully(stream, buffer.AsSpan(0, (int)Math.Min(skip, buffer.Length)), this);
            if (read == 0)
            {
                stream.Dispose();
                throw new InvalidDataException($"{Description} is truncated: it ends before item {firstItem}.");
            }

            skip -= read;
        }

        return stream;
    }

    /// <summary>Fills <paramref name="buffer"/> from the stream; returns how many bytes were read (fewer only at the end).</summary>
    public static int ReadFully(Stream stream, Span<byte> buffer, IdxSource source)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source.Description} is a corrupt gzip stream: {e.Message}", e);
        }
    }

    private Stream OpenContent()
    {
        var raw = _openRaw();
        return IsGzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }
}
