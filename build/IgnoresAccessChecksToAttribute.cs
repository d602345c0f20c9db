namespace System.Runtime.CompilerServices;

/// <summary>
/// Tells the runtime to let this assembly use the non-public members of the named assembly.
/// The runtime recognises the attribute by name; the BCL does not ship it, so each assembly that
/// needs it defines its own copy. We use it only for ML.NET's model-persistence API
/// (see build/MlNetInternals.targets).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    /// <summary>The simple name of the assembly whose access checks are ignored.</summary>
    public string AssemblyName { get; } = assemblyName;
}
