// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets); no dependencies
// beyond MSBuild and the BCL, so the same file ships inside the MlNetMlp.Trainers package.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Makes TorchSharp 0.107.0's <c>libLibTorchSharp.so</c> load on systems whose libstdc++ predates
/// <c>GLIBCXX_3.4.32</c> (Debian 12, Ubuntu 22.04). The library asks for that symbol version for one
/// symbol it never calls (<c>_ZSt21ios_base_library_initv</c>); marking the version need weak
/// (<c>VER_FLG_WEAK</c> in its <c>Elf64_Vernaux</c> record) lets the dynamic loader accept the
/// older libstdc++. Only copies in build or publish output are touched, never the NuGet cache, and
/// only when the machine's libstdc++ lacks the version. Running it again changes nothing.
/// </summary>
public sealed class WeakenGlibcxxVersionNeed : Task
{
    private const string Version = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 2;

    /// <summary>The copies of libLibTorchSharp.so to patch.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The libstdc++ to ask; found on the usual paths when empty.</summary>
    public string SystemLibStdCxx { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || Libraries.Length == 0)
        {
            return true;
        }

        var libstdcxx = string.IsNullOrEmpty(SystemLibStdCxx) ? FindSystemLibStdCxx() : SystemLibStdCxx;
        if (libstdcxx != null && DefinedVersions(File.ReadAllBytes(libstdcxx)).Contains(Version))
        {
            Log.LogMessage(MessageImportance.Low, $"{libstdcxx} defines {Version}; TorchSharp loads as shipped.");
            return true;
        }

        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            var image = File.ReadAllBytes(path);
            if (!MarkVersionNeedWeak(image, Version))
            {
                Log.LogMessage(MessageImportance.Low, $"{path}: {Version} need already weak or absent.");
                continue;
            }

            // Write beside and rename, so a hard link into the NuGet cache is replaced, not modified.
            var temporary = path + ".mlnetmlp.tmp";
            File.WriteAllBytes(temporary, image);
            File.Delete(path);
            File.Move(temporary, path);
            Log.LogMessage(MessageImportance.High,
                $"MlNetMlp: marked the {Version} need of {path} weak (system libstdc++ {libstdcxx ?? "not found"} lacks it).");
        }

        return !Log.HasLoggedErrors;
    }

    private static string? FindSystemLibStdCxx()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The version names an ELF64 shared object defines (its SHT_GNU_verdef section).</summary>
    private static HashSet<string> DefinedVersions(byte[] elf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var image = new ElfImage(elf);
        foreach (var section in image.SectionsOfType(ShtGnuVerdef))
        {
            var strings = image.SectionOffset(image.SectionLink(section));
            var record = image.SectionOffset(section);
            while (true)
            {
                // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32
                var aux = record + image.U32(record + 12);
                names.Add(image.String(strings + image.U32(aux))); // Elf64_Verdaux: vda_name u32, vda_next u32
                var next = image.U32(record + 16);
                if (next == 0)
                {
                    break;
                }

                record += next;
            }
        }

        return names;
    }

    /// <summary>Sets VER_FLG_WEAK on the Vernaux record named <paramref name="version"/>; true when it changed the image.</summary>
    private static bool MarkVersionNeedWeak(byte[] elf, string version)
    {
        var changed = false;
        var image = new ElfImage(elf);
        foreach (var section in image.SectionsOfType(ShtGnuVerneed))
        {
            var strings = image.SectionOffset(image.SectionLink(section));
            var need = image.SectionOffset(section);
            while (true)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
                var count = image.U16(need + 2);
                var aux = need + image.U32(need + 8);
                for (var i = 0; i < count; i++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                    if (image.String(strings + image.U32(aux + 8)) == version && (image.U16(aux + 4) & VerFlgWeak) == 0)
                    {
                        image.SetU16(aux + 4, (ushort)(image.U16(aux + 4) | VerFlgWeak));
                        changed = true;
                    }

                    aux += image.U32(aux + 12);
                }

                var next = image.U32(need + 12);
                if (next == 0)
                {
                    break;
                }

                need += next;
            }
        }

        return changed;
    }

    /// <summary>Just enough of an ELF64 little-endian reader to walk section headers.</summary>
    private sealed class ElfImage
    {
        private readonly byte[] _bytes;

        public ElfImage(byte[] bytes)
        {
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file");
            }

            if (bytes[4] != 2 || bytes[5] != 1)
            {
                throw new InvalidDataException("not a little-endian ELF64 file");
            }

            _bytes = bytes;
        }

        private long SectionHeaders => (long)U64(0x28);

        private int SectionHeaderSize => U16(0x3A);

        private int SectionCount => U16(0x3C);

        public IEnumerable<int> SectionsOfType(uint type)
        {
            for (var i = 0; i < SectionCount; i++)
            {
                if (U32(SectionHeader(i) + 4) == type)
                {
                    yield return i;
                }
            }
        }

        public int SectionLink(int section) => (int)U32(SectionHeader(section) + 40);

        public long SectionOffset(int section) => (long)U64(SectionHeader(section) + 24);

        public ushort U16(long at) => BitConverter.ToUInt16(_bytes, checked((int)at));

        public uint U32(long at) => BitConverter.ToUInt32(_bytes, checked((int)at));

        public void SetU16(long at, ushort value) => BitConverter.GetBytes(value).CopyTo(_bytes, checked((int)at));

        public string String(long at)
        {
            var end = Array.IndexOf(_bytes, (byte)0, checked((int)at));
            return Encoding.ASCII.GetString(_bytes, (int)at, end - (int)at);
        }

        private ulong U64(long at) => BitConverter.ToUInt64(_bytes, checked((int)at));

        private long SectionHeader(int index) => SectionHeaders + (long)index * SectionHeaderSize;
    }
}
