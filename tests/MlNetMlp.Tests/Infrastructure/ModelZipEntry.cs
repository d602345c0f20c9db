using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// Edits the main stream of one component inside a saved model .zip, to test how damaged files are reported. The zip
/// is rewritten with correct CRC-32s, so what is tested is the component's own checking, as for a file written wrong.
/// </summary>
internal static class ModelZipEntry
{
    /// <summary>The ML.NET entry header is 256 bytes; a component's own data starts here.</summary>
    private const int BodyOffset = 0x100;

    /// <summary>Where ML.NET's entry header keeps ModelVerWritten (a little-endian uint; ModelVerReadable follows).</summary>
    private const int ModelVersionWrittenOffset = 0x48;

    /// <summary>
    /// Edits the parameter block of the component whose header names <paramref name="loaderSignature"/> (offset 0 is its
    /// first field) and seals it again with its new SHA-256: a saved value that is wrong, rather than a changed byte.
    /// </summary>
    public static void RewriteParameters(string modelPath, string loaderSignature, Action<byte[]> edit) =>
        Rewrite(modelPath, loaderSignature, entry =>
        {
            var parameters = Unseal(entry, BodyOffset);
            edit(parameters);
            Seal(parameters).CopyTo(entry, BodyOffset);
        });

    /// <summary>Replaces the payload of the binary stream <paramref name="entryName"/> and seals it again with its new length and SHA-256.</summary>
    public static void RewriteStream(string modelPath, string entryName, Func<byte[], byte[]> edit)
    {
        using var zip = ZipFile.Open(modelPath, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName);
        Assert.IsNotNull(entry, $"No entry '{entryName}' in {modelPath}.");
        var payload = edit(Unseal(Read(entry), 0));
        entry.Delete();
        using var rewritten = zip.CreateEntry(entryName).Open();
        rewritten.Write(Seal(payload));
    }

    /// <summary>Rewrites the <c>Model.key</c> entry whose header names <paramref name="loaderSignature"/>; offset 0 is the start of ML.NET's header.</summary>
    public static void Rewrite(string modelPath, string loaderSignature, Action<byte[]> edit) =>
        RewriteEntry(modelPath, ComponentEntry(modelPath, loaderSignature).Name, edit);

    /// <summary>The version stamped on the header of the component whose header names <paramref name="loaderSignature"/>.</summary>
    public static uint StampedVersion(string modelPath, string loaderSignature) =>
        BitConverter.ToUInt32(ComponentEntry(modelPath, loaderSignature).Content, ModelVersionWrittenOffset);

    /// <summary>Rewrites the entry named <paramref name="entryName"/>, whatever it holds.</summary>
    public static void RewriteEntry(string modelPath, string entryName, Action<byte[]> edit)
    {
        using var zip = ZipFile.Open(modelPath, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName);
        Assert.IsNotNull(entry, $"No entry '{entryName}' in {modelPath}.");
        var content = Read(entry);
        edit(content);
        entry.Delete();
        using var rewritten = zip.CreateEntry(entryName).Open();
        rewritten.Write(content);
    }

    /// <summary>The checksummed layout: the length, the bytes, their SHA-256.</summary>
    private static byte[] Unseal(byte[] content, int at) => content.AsSpan(at + sizeof(int), BitConverter.ToInt32(content, at)).ToArray();

    private static byte[] Seal(byte[] payload) => [.. BitConverter.GetBytes(payload.Length), .. payload, .. SHA256.HashData(payload)];

    private static (string Name, byte[] Content) ComponentEntry(string modelPath, string loaderSignature)
    {
        using var zip = ZipFile.OpenRead(modelPath);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith("Model.key", StringComparison.Ordinal)))
        {
            var content = Read(entry);
            if (Encoding.ASCII.GetString(content.AsSpan(0, BodyOffset)).Contains(loaderSignature, StringComparison.Ordinal))
            {
                return (entry.FullName, content);
            }
        }

        Assert.Fail($"No entry of {loaderSignature} in {modelPath}.");
        return default;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
