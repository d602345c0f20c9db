namespace MlNetMlp.Core.Persistence;

/// <summary>
/// The CRC-32 a zip archive records for each entry (ISO 3309 / IEEE 802.3, reflected polynomial 0xEDB88320), computed a
/// byte at a time from a table: a model's entries are a few megabytes at most. Written here rather than taken from
/// System.IO.Hashing so that MlNetMlp.Core, which every MlNetMlp package brings, depends on Microsoft.ML alone.
/// </summary>
internal sealed class ZipCrc32
{
    private const uint ReflectedPolynomial = 0xEDB88320;

    private static readonly uint[] Table = CreateTable();

    private uint _register = uint.MaxValue;

    /// <summary>The CRC-32 of everything appended so far.</summary>
    public uint Value => ~_register;

    /// <summary>Continues the checksum over <paramref name="bytes"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        var register = _register;
        foreach (var b in bytes)
        {
            register = Table[(byte)(register ^ b)] ^ (register >> 8);
        }

        _register = register;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            var value = n;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? ReflectedPolynomial ^ (value >> 1) : value >> 1;
            }

            table[n] = value;
        }

        return table;
    }
}
