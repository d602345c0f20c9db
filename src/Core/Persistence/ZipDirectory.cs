using System.Buffers.Binary;
using System.Text;

namespace MlNetMlp.Core.Persistence;

/// <summary>
/// The directory of a zip archive read straight from its bytes: every entry as the central directory lists it, checked
/// against the entry's own local header. <see cref="System.IO.Compression.ZipArchive"/> trusts the central directory
/// alone, so a damaged entry name there would silently hide the entry from ML.NET (a model would load without its
/// input schema, for one); a zip stores each name twice, and comparing the two copies catches that.
/// </summary>
internal sealed class ZipDirectory
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64EndOfCentralDirectorySignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int EndOfCentralDirectorySize = 22;
    private const int Zip64LocatorSize = 20;
    private const int CentralHeaderSize = 46;
    private const int LocalHeaderSize = 30;
    private const ushort Zip64ExtraFieldId = 0x0001;

    private readonly long _centralOffset;

    private ZipDirectory(IReadOnlyList<ZipDirectoryEntry> entries, long centralOffset)
    {
        Entries = entries;
        _centralOffset = centralOffset;
    }

    /// <summary>The entries in the order the central directory lists them (the order <c>ZipArchive.Entries</c> keeps).</summary>
    public IReadOnlyList<ZipDirectoryEntry> Entries { get; }

    /// <summary>Reads the central directory of the zip archive in <paramref name="archive"/> (a seekable stream).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a zip archive, or its directory is damaged; the message says where.</exception>
    public static ZipDirectory Read(Stream archive)
    {
        var (centralOffset, centralSize, count, centralEnd) = ReadEnd(archive);
        if (centralOffset + centralSize != centralEnd)
        {
            throw new InvalidDataException($"the central directory claims bytes {centralOffset} to {centralOffset + centralSize}, but it ends at byte {centralEnd}");
        }

        var central = ReadAt(archive, centralOffset, checked((int)centralSize));
        var entries = new List<ZipDirectoryEntry>();
        var position = 0;
        for (long i = 0; i < count; i++)
        {
            entries.Add(ReadCentralHeader(central, ref position, i));
        }

        if (position != central.Length)
        {
            throw new InvalidDataException($"the central directory holds {central.Length - position} bytes after its {count} entries");
        }

        return new ZipDirectory(entries, centralOffset);
    }

    private static (long Offset, long Size, long Count, long End) ReadEnd(Stream archive)
    {
        var tailLength = (int)Math.Min(archive.Length, EndOfCentralDirectorySize + ushort.MaxValue);
        var tail = ReadAt(archive, archive.Length - tailLength, tailLength);
        for (var at = tail.Length - EndOfCentralDirectorySize; at >= 0; at--)
        {
            var record = tail.AsSpan(at);
            // The record ends the file exactly (after its comment): a signature met inside a comment does not count.
            if (UInt32(record, 0) != EndOfCentralDirectorySignature || at + EndOfCentralDirectorySize + UInt16(record, 20) != tail.Length)
            {
                continue;
            }

            var recordOffset = archive.Length - tailLength + at;
            if (UInt16(record, 4) != 0 || UInt16(record, 6) != 0)
            {
                throw new InvalidDataException("the end-of-central-directory record names another disk (split archives are not models)");
            }

            long count = UInt16(record, 10), size = UInt32(record, 12), offset = UInt32(record, 16);
            if (UInt16(record, 8) != count)
            {
                throw new InvalidDataException($"the end-of-central-directory record counts {UInt16(record, 8)} entries on this disk but {count} in all");
            }

            return count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue
                ? ReadZip64End(archive, recordOffset)
                : (offset, size, count, recordOffset);
        }

        throw new InvalidDataException("there is no end-of-central-directory record at its end (is the file cut short?)");
    }

    private static (long Offset, long Size, long Count, long End) ReadZip64End(Stream archive, long endRecordOffset)
    {
        if (endRecordOffset < Zip64LocatorSize)
        {
            throw new InvalidDataException("its end-of-central-directory record asks for a Zip64 record that is missing");
        }

        var locator = ReadAt(archive, endRecordOffset - Zip64LocatorSize, Zip64LocatorSize);
        if (UInt32(locator, 0) != Zip64LocatorSignature)
        {
            throw new InvalidDataException("its end-of-central-directory record asks for a Zip64 record that is missing");
        }

        var recordOffset = UInt64(locator, 8);
        if (recordOffset > endRecordOffset - Zip64LocatorSize - 56)
        {
            throw new InvalidDataException($"its Zip64 locator points to byte {recordOffset}, past the end of the archive");
        }

        var record = ReadAt(archive, recordOffset, 56);
        if (UInt32(record, 0) != Zip64EndOfCentralDirectorySignature)
        {
            throw new InvalidDataException($"there is no Zip64 end-of-central-directory record at byte {recordOffset}");
        }

        return (UInt64(record, 48), UInt64(record, 40), UInt64(record, 32), recordOffset);
    }

    private static ZipDirectoryEntry ReadCentralHeader(byte[] central, ref int position, long index)
    {
        if (central.Length - position < CentralHeaderSize || UInt32(central, position) != CentralHeaderSignature)
        {
            throw new InvalidDataException($"central directory entry {index} does not start with a central header");
        }

        var header = central.AsSpan(position);
        int nameLength = UInt16(header, 28), extraLength = UInt16(header, 30), commentLength = UInt16(header, 32);
        var total = CentralHeaderSize + nameLength + extraLength + commentLength;
        if (header.Length < total)
        {
            throw new InvalidDataException($"central directory entry {index} runs past the end of the central directory");
        }

        var name = header.Slice(CentralHeaderSize, nameLength).ToArray();
        var displayName = DisplayName(name);
        long uncompressed = UInt32(header, 24), compressed = UInt32(header, 20), localOffset = UInt32(header, 42);
        var extra = header.Slice(CentralHeaderSize + nameLength, extraLength);
        if (uncompressed == uint.MaxValue || compressed == uint.MaxValue || localOffset == uint.MaxValue)
        {
            (uncompressed, compressed, localOffset) = Zip64Sizes(extra, uncompressed, compressed, localOffset, displayName);
        }

        position += total;
        return new ZipDirectoryEntry(displayName, name, UInt32(header, 16), uncompressed, compressed, localOffset);
    }

    /// <summary>The 64-bit values that stand in the Zip64 extra field for each 32-bit field saturated at 0xFFFFFFFF.</summary>
    private static (long Uncompressed, long Compressed, long LocalOffset) Zip64Sizes(ReadOnlySpan<byte> extra, long uncompressed, long compressed, long localOffset, string name)
    {
        while (extra.Length >= 4)
        {
            int id = UInt16(extra, 0), size = UInt16(extra, 2);
            if (extra.Length < 4 + size)
            {
                break;
            }

            if (id == Zip64ExtraFieldId)
            {
                var values = extra.Slice(4, size).ToArray();
                var at = 0;
                long Next(long value)
                {
                    if (value != uint.MaxValue)
                    {
                        return value;
                    }

                    if (values.Length < at + 8)
                    {
                        throw new InvalidDataException($"entry '{name}' has a Zip64 extra field too short for its sizes");
                    }

                    at += 8;
                    return UInt64(values, at - 8);
                }

                return (Next(uncompressed), Next(compressed), Next(localOffset));
            }

            extra = extra[(4 + size)..];
        }

        throw new InvalidDataException($"entry '{name}' needs a Zip64 extra field for its sizes and has none");
    }

    /// <summary>Checks that <paramref name="entry"/>'s local header is where the directory says, names the same entry, and that its data ends before the directory.</summary>
    /// <exception cref="InvalidDataException">It does not; the message says how.</exception>
    public void CheckLocalHeader(Stream archive, ZipDirectoryEntry entry)
    {
        var centralOffset = _centralOffset;
        if (entry.LocalHeaderOffset > centralOffset - LocalHeaderSize)
        {
            throw new InvalidDataException($"its local header is at byte {entry.LocalHeaderOffset}, inside or after the central directory");
        }

        var header = ReadAt(archive, entry.LocalHeaderOffset, LocalHeaderSize);
        if (UInt32(header, 0) != LocalHeaderSignature)
        {
            throw new InvalidDataException($"there is no local header at byte {entry.LocalHeaderOffset}, where the central directory puts it");
        }

        int nameLength = UInt16(header, 26), extraLength = UInt16(header, 28);
        var dataEnd = entry.LocalHeaderOffset + LocalHeaderSize + nameLength + extraLength + entry.CompressedLength;
        if (dataEnd > centralOffset)
        {
            throw new InvalidDataException("its data runs past the start of the central directory");
        }

        var localName = ReadAt(archive, entry.LocalHeaderOffset + LocalHeaderSize, nameLength);
        if (!localName.AsSpan().SequenceEqual(entry.RawName))
        {
            throw new InvalidDataException($"its local header names it '{DisplayName(localName)}'");
        }
    }

    /// <summary>A stored name as messages show it: UTF-8, control characters (never in a real name) as U+FFFD, at most 200 characters.</summary>
    private static string DisplayName(byte[] name)
    {
        var text = string.Concat(Encoding.UTF8.GetString(name).Select(c => char.IsControl(c) ? '\uFFFD' : c));
        return text.Length <= 200 ? text : text[..200] + "...";
    }

    private static byte[] ReadAt(Stream archive, long offset, int count)
    {
        var bytes = new byte[count];
        archive.Position = offset;
        archive.ReadExactly(bytes);
        return bytes;
    }

    private static ushort UInt16(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);

    private static uint UInt32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);

    private static long UInt64(ReadOnlySpan<byte> bytes, int at)
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]);
        return value <= long.MaxValue ? (long)value : throw new InvalidDataException($"a Zip64 field holds {value}, beyond any file size");
    }
}
