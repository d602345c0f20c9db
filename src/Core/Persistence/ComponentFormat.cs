using Microsoft.ML;

namespace MlNetMlp.Core.Persistence;

/// <summary>
/// The identity and version of one component's saved form inside an ML.NET model <c>.zip</c>.
/// Every MlNetMlp transformer declares one; it is what <see cref="ComponentWriter"/> stamps on the
/// header and what <see cref="ComponentReader"/> checks before reading a byte of the body.
/// </summary>
/// <remarks>
/// The version stamped on the entry header packs two numbers. The low 16 bits are the component's own
/// <see cref="Version"/>, raised by the component when its fields change. The high 16 bits are the
/// layout the persistence code wraps every body in, raised here when that wrapping changes, so that no
/// component has to bump its own version for it: 0 in files written before bodies were checksummed (the body stands
/// bare in the main stream), <see cref="ChecksummedLayout"/> since (the body's length, the body, its SHA-256).
/// </remarks>
internal sealed class ComponentFormat
{
    /// <summary>The layout of files written before bodies were checksummed: the body alone in the main stream.</summary>
    public const uint BareLayout = 0;

    /// <summary>The layout this code writes: the body's length, the body, then its SHA-256.</summary>
    public const uint ChecksummedLayout = 1;

    private const int LayoutShift = 16;

    /// <summary>Creates a format description.</summary>
    /// <param name="displayName">How messages name the component, e.g. "NormalizePixels transformer".</param>
    /// <param name="modelSignature">ML.NET's 8-character model signature, unique to this component.</param>
    /// <param name="loaderSignature">The signature registered with <c>[assembly: LoadableClass]</c> (at most 24 ASCII characters).</param>
    /// <param name="version">The version this code writes; raise it whenever the body layout changes.</param>
    /// <param name="oldestReadableVersion">The oldest version this code still reads.</param>
    /// <param name="componentType">The component type, whose assembly ML.NET loads when it opens the model.</param>
    public ComponentFormat(string displayName, string modelSignature, string loaderSignature, uint version, uint oldestReadableVersion, Type componentType)
    {
        if (modelSignature.Length is 0 or > 8)
        {
            throw new ArgumentException($"Expected a model signature of 1 to 8 characters. Received: '{modelSignature}'.", nameof(modelSignature));
        }

        if (loaderSignature.Length is 0 or > 24)
        {
            throw new ArgumentException($"Expected a loader signature of 1 to 24 characters. Received: '{loaderSignature}'.", nameof(loaderSignature));
        }

        if (version is 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"Expected a version in [1, {ushort.MaxValue}]. Received: {version}.", nameof(version));
        }

        if (oldestReadableVersion > version)
        {
            throw new ArgumentException($"Expected oldestReadableVersion <= version ({version}). Received: {oldestReadableVersion}.", nameof(oldestReadableVersion));
        }

        DisplayName = displayName;
        ModelSignature = modelSignature;
        LoaderSignature = loaderSignature;
        Version = version;
        OldestReadableVersion = oldestReadableVersion;
        ComponentType = componentType;
    }

    /// <summary>How messages name the component.</summary>
    public string DisplayName { get; }

    /// <summary>ML.NET's model signature for this component.</summary>
    public string ModelSignature { get; }

    /// <summary>The loader signature registered with <c>LoadableClass</c>.</summary>
    public string LoaderSignature { get; }

    /// <summary>The component's own body version that this code writes.</summary>
    public uint Version { get; }

    /// <summary>The oldest body version this code reads.</summary>
    public uint OldestReadableVersion { get; }

    /// <summary>The version this code stamps on the entry header: <see cref="ChecksummedLayout"/> and <see cref="Version"/> packed.</summary>
    public uint StampedVersion => (ChecksummedLayout << LayoutShift) | Version;

    /// <summary>The component type.</summary>
    public Type ComponentType { get; }

    /// <summary>The layout packed into a stamped version.</summary>
    public static uint Layout(uint stampedVersion) => stampedVersion >> LayoutShift;

    /// <summary>The component's body version packed into a stamped version.</summary>
    public static uint BodyVersion(uint stampedVersion) => stampedVersion & ushort.MaxValue;

    /// <summary>
    /// ML.NET's form of the same information. Files we write are readable by code of the same version or later;
    /// we read back bare-layout files too, from <see cref="OldestReadableVersion"/> on.
    /// </summary>
    internal VersionInfo ToVersionInfo() => new(
        ModelSignature,
        verWrittenCur: StampedVersion,
        verReadableCur: StampedVersion,
        verWeCanReadBack: OldestReadableVersion,
        loaderAssemblyName: ComponentType.Assembly.FullName,
        loaderSignature: LoaderSignature);
}
