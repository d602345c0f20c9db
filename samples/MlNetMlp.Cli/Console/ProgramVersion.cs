using System.Reflection;

namespace MlNetMlp.Cli.Console;

/// <summary>
/// What <c>mlnetmlp --version</c> prints: the version the program was built as and the commit it was built from, read from
/// its informational version (<c>0.2.0-dev.57.g1a2b3c4+&lt;full sha&gt;</c>, stamped by build/PackageVersion.targets).
/// The assembly version stays 0.2.0 for every build, so it alone would not tell builds apart.
/// </summary>
internal static class ProgramVersion
{
    public static string Describe()
    {
        var informational = typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var separator = informational.IndexOf('+', StringComparison.Ordinal);
        if (separator < 0)
        {
            return $"mlnetmlp {informational} (commit unknown: built without git)";
        }

        var version = informational[..separator];
        var changes = version.EndsWith(".dirty", StringComparison.Ordinal) ? ", with uncommitted changes" : "";
        return $"mlnetmlp {version} (commit {informational[(separator + 1)..]}{changes})";
    }
}
