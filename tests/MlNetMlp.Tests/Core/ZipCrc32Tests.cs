using System.IO.Compression;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Core;

/// <summary>The CRC-32 ModelFile compares with what a model .zip records for each entry.</summary>
[TestClass]
public sealed class ZipCrc32Tests
{
    [TestMethod]
    public void Value_CheckString_IsTheStandardCheckValue()
    {
        var crc = new ZipCrc32();

        crc.Append("123456789"u8);

        Assert.AreEqual(0xCBF43926u, crc.Value, "the CRC-32 check value of \"123456789\"");
    }

    [TestMethod]
    public void Value_InPieces_EqualsWhatTheZipRecords()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("data.zip");
        var content = new byte[100_000];
        new Random(5).NextBytes(content);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("data").Open())
        {
            entry.Write(content);
        }

        var crc = new ZipCrc32();
        crc.Append(content.AsSpan(0, 12_345));
        crc.Append(content.AsSpan(12_345));

        using var archive = ZipFile.OpenRead(path);
        Assert.AreEqual(archive.GetEntry("data")!.Crc32, crc.Value);
        Assert.AreEqual(0u, new ZipCrc32().Value, "the CRC-32 of no bytes");
    }
}
