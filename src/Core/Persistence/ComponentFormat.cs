using Microsoft.ML;

namespace MlNetMlp.Persistence;

/// <summary>
/// The identity and version of one component's saved form inside an ML.NET model <c>.zip</c>.
/// Every MlNetMlp transformer declares one; it is what <see cref="ComponentWriter"/> stamps on the
/// header and what <see cref="ComponentReader"/> checks before reading a byte of the body.
/// </summary>
internal sealed class ComponentFormat
{
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

    /// <summary>The version this code writes.</summary>
    public uint Version { get; }

    /// <summary>The oldest version this code reads.</summary>
    public uint OldestReadableVersion { get; }

    /// <summary>The component type.</summary>
    public Type ComponentType { get; }

    /// <summary>ML.NET's form of the same information. Files we write are readable by code of the same version or later.</summary>
    internal VersionInfo ToVersionInfo() => new(
        ModelSignature,
        verWrittenCur: Version,
        verReadableCur: Version,
        verWeCanReadBack: OldestReadableVersion,
        loaderAssemblyName: ComponentType.Assembly.FullName,
        loaderSignature: LoaderSignature);
}
