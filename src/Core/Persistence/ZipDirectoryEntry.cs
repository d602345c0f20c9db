namespace MlNetMlp.Core.Persistence;

/// <summary>One entry of a <see cref="ZipDirectory"/>: its name, its CRC-32 and sizes, where its local header is.</summary>
/// <param name="Name">The name as text (UTF-8; a damaged name's control characters shown as U+FFFD), for messages and lookups.</param>
/// <param name="RawName">The name's bytes as stored.</param>
/// <param name="Crc32">The CRC-32 of the uncompressed content.</param>
/// <param name="Length">The uncompressed length.</param>
/// <param name="CompressedLength">The stored length.</param>
/// <param name="LocalHeaderOffset">Where the entry's local header starts.</param>
internal sealed record ZipDirectoryEntry(string Name, byte[] RawName, uint Crc32, long Length, long CompressedLength, long LocalHeaderOffset);
