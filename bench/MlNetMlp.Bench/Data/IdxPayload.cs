using System.IO.Compression;

namespace MlNetMlp.Bench.Data;

/// <summary>The bytes after an IDX file's header, as a peer that does not use the project's reader gets them.</summary>
internal static class IdxPayload
{
    public static byte[] Read(string path, int headerLength)
    {
        using var file = File.OpenRead(path);
        using var content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var bytes = new MemoryStream();
        content.CopyTo(bytes);
        return bytes.GetBuffer().AsSpan(headerLength, (int)bytes.Length - headerLength).ToArray();
    }
}
